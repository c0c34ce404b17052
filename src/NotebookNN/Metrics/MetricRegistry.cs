
namespace NotebookNN.Metrics;

/// <summary>Keras's metric strings → metric objects, in one place. "accuracy"/"acc" are resolved from the data's shapes as Keras 2 does.</summary>
internal static class MetricRegistry
{
    private static readonly (string[] Names, Func<string, Metric> Make)[] Table =
    [
        (["accuracy", "acc"], n => new AutoAccuracy(n)),
        (["binary_accuracy"], n => new BinaryAccuracy(n)),
        (["categorical_accuracy"], n => new CategoricalAccuracy(n)),
        (["sparse_categorical_accuracy"], n => new SparseCategoricalAccuracy(n)),
        (["mae", "mean_absolute_error"], n => new MeanAbsoluteError(n)),
        (["mse", "mean_squared_error"], n => new MeanSquaredError(n)),
        (["precision"], n => new Precision(n)),
        (["recall"], n => new Recall(n)),
        (["auc"], n => new AUC(name: n)),
    ];

    /// <summary>The metric to compile: objects as given, names looked up (an unknown name lists the valid ones).</summary>
    public static Metric Resolve(Metric metric)
    {
        if (metric is not NamedMetric named) return metric;
        foreach (var (names, make) in Table)
            if (names.Contains(named.Name, StringComparer.OrdinalIgnoreCase)) return make(named.Name);
        throw new ArgumentException($"Could not interpret metric identifier: '{named.Name}'. Expected one of: {string.Join(", ", Table.SelectMany(t => t.Names))}.");
    }
}
