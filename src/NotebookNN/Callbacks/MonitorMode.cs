using NotebookNN.Metrics;
using NotebookNN.Registries;

namespace NotebookNN.Callbacks;

/// <summary>A callback's <c>mode</c>: the monitored quantity should go down (<c>min</c>), up (<c>max</c>), or the way its name says (<c>auto</c>).</summary>
internal enum MonitorMode
{
    Auto,
    Min,
    Max,
}

internal static class MonitorModes
{
    /// <summary>
    /// Whether higher is better for <paramref name="monitor"/> under Keras's <paramref name="mode"/> string (parsed
    /// here; an unknown mode lists the valid ones). <c>auto</c> asks <see cref="MetricDirections.Infer"/>, and a name
    /// that says nothing is minimized, as Keras 2's callbacks do.
    /// </summary>
    public static bool Maximize(string mode, string monitor) => KerasEnum.Parse<MonitorMode>(mode, "mode") switch
    {
        MonitorMode.Min => false,
        MonitorMode.Max => true,
        _ => MetricDirections.Infer(monitor) == MetricDirection.Max,
    };
}
