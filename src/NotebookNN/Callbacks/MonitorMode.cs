namespace NotebookNN.Callbacks;

/// <summary>Whether a monitored quantity should go down (<c>min</c>), up (<c>max</c>), or be decided from its name (<c>auto</c>).</summary>
internal static class MonitorMode
{
    /// <summary>True when larger is better, as Keras 2 decides it: "max", or "auto" with a name ending in acc / accuracy / auc.</summary>
    public static bool Maximize(string mode, string monitor) => mode.ToLowerInvariant() switch
    {
        "min" => false,
        "max" => true,
        "auto" => monitor.EndsWith("acc", StringComparison.Ordinal) || monitor.EndsWith("accuracy", StringComparison.Ordinal) || monitor.EndsWith("auc", StringComparison.Ordinal),
        _ => throw new ArgumentException($"Argument `mode` must be one of 'auto', 'min', 'max'. Received: mode={mode}"),
    };
}
