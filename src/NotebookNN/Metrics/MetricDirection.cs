namespace NotebookNN.Metrics;

/// <summary>Which way a logged quantity improves: <see cref="Min"/> (losses, errors) or <see cref="Max"/> (accuracies, AUC, precision, recall).</summary>
public enum MetricDirection
{
    /// <summary>Lower is better.</summary>
    Min,
    /// <summary>Higher is better.</summary>
    Max,
}
