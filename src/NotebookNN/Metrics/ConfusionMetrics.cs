using NotebookNN.Tensors;

namespace NotebookNN.Metrics;

/// <summary>
/// Counts of true/false positives and negatives over every value seen, a prediction counting as positive when it
/// is above <see cref="Threshold"/> (Keras's confusion-matrix metrics). Subclasses write only the ratio.
/// </summary>
public abstract class ConfusionMetric(string name, double threshold) : Metric(name)
{
    private readonly ConfusionCounts _counts = new([threshold is >= 0 and <= 1 ? threshold
        : throw new ArgumentException(Invariant($"Threshold values must be in [0, 1]. Received: thresholds={threshold}"))]);

    /// <summary>Predictions above this count as positive (Keras default 0.5).</summary>
    public double Threshold => _counts.Thresholds[0];

    protected double TruePositives => _counts.TruePositives[0];
    protected double FalsePositives => _counts.FalsePositives[0];
    protected double TrueNegatives => _counts.TrueNegatives[0];
    protected double FalseNegatives => _counts.FalseNegatives[0];

    public override void UpdateState(Tensor yTrue, Tensor yPred, Tensor? sampleWeight = null) => _counts.Update(Name, yTrue, yPred, sampleWeight);

    public override void ResetState() => _counts.Reset();

    protected static double Ratio(double num, double den) => den == 0 ? 0 : num / den;
}

/// <summary>TP / (TP + FP) (keras.metrics.Precision). Unnamed instances are <c>precision</c>, <c>precision_1</c>, … as in Keras 2.</summary>
public class Precision(string? name = null, double threshold = 0.5) : ConfusionMetric(name ?? Layers.LayerNames.Unique("precision"), threshold)
{
    public override double Result() => Ratio(TruePositives, TruePositives + FalsePositives);
}

/// <summary>TP / (TP + FN) (keras.metrics.Recall). Unnamed instances are <c>recall</c>, <c>recall_1</c>, … as in Keras 2.</summary>
public class Recall(string? name = null, double threshold = 0.5) : ConfusionMetric(name ?? Layers.LayerNames.Unique("recall"), threshold)
{
    public override double Result() => Ratio(TruePositives, TruePositives + FalseNegatives);
}
