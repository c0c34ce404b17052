using NotebookNN.Registries;

namespace NotebookNN.Metrics;

/// <summary>Keras's metric strings → metric objects, in one place. "accuracy"/"acc" are resolved from the data's shapes as Keras 2 does.</summary>
internal static class MetricRegistry
{
    /// <summary>Each metric is made with the name as the user wrote it, so its logs use that key (<c>acc</c>, <c>mae</c>).</summary>
    internal static readonly Registry<Metric> Names = Registry<Metric>.Identifiers("metric")
        .Add(n => new AutoAccuracy(n), "accuracy", "acc")
        .Add(n => new BinaryAccuracy(n), "binary_accuracy")
        .Add(n => new CategoricalAccuracy(n), "categorical_accuracy")
        .Add(n => new SparseCategoricalAccuracy(n), "sparse_categorical_accuracy")
        .Add(n => new MeanAbsoluteError(n), "mae", "mean_absolute_error")
        .Add(n => new MeanSquaredError(n), "mse", "mean_squared_error")
        .Add(n => new Precision(n), "precision")
        .Add(n => new Recall(n), "recall")
        .Add(n => new AUC(name: n), "auc");

    /// <summary>The metric to compile: objects as given, names looked up (an unknown name lists the valid ones).</summary>
    public static Metric Resolve(Metric metric) => metric is NamedMetric named ? Names.Resolve(named.Name) : metric;
}
