using NotebookNN.Tensors;

namespace NotebookNN.Metrics;

/// <summary>
/// A metric with running state over the batches of an epoch (keras.metrics.Metric): <see cref="UpdateState"/>
/// each batch, <see cref="Result"/> for the value so far, <see cref="ResetState"/> at each epoch start.
/// Strings convert implicitly (<c>metrics: ["accuracy"]</c>) and are resolved against the loss at Compile.
/// </summary>
public abstract class Metric
{
    protected Metric(string name) => Name = name;

    /// <summary>The key under which the metric is logged (<c>accuracy</c>, <c>mae</c>, …).</summary>
    public string Name { get; internal set; }

    public abstract void UpdateState(Tensor yTrue, Tensor yPred, Tensor? sampleWeight = null);
    public abstract double Result();
    public abstract void ResetState();

    public static implicit operator Metric(string name) => new NamedMetric(name);

    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Name}: {Result():0.####}");
}

/// <summary>A metric given by name, resolved at Compile once the loss and output are known ("accuracy" → binary,
/// categorical or sparse categorical accuracy, as Keras does).</summary>
internal sealed class NamedMetric(string name) : Metric(name)
{
    private static InvalidOperationException Unresolved(string n) => new($"Metric '{n}' must be resolved by Model.Compile before use.");
    public override void UpdateState(Tensor yTrue, Tensor yPred, Tensor? sampleWeight = null) => throw Unresolved(Name);
    public override double Result() => throw Unresolved(Name);
    public override void ResetState() => throw Unresolved(Name);
}
