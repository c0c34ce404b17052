namespace NotebookNN.Tuning;

/// <summary>How a numeric dimension's range is drawn (KerasTuner's <c>sampling</c>: <c>"linear"</c>, <c>"log"</c>, <c>"reverse_log"</c>).</summary>
public enum Sampling
{
    /// <summary>Uniform over [min, max].</summary>
    Linear,
    /// <summary>Uniform in the logarithm: each decade equally likely.</summary>
    Log,
    /// <summary>The mirror of <see cref="Log"/>: values crowd towards max.</summary>
    ReverseLog,
}
