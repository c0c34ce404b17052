namespace NotebookNN.Metrics;

/// <summary>
/// Counts of true/false positives and negatives over every value seen, a prediction counting as positive when it
/// is above <see cref="Threshold"/> (Keras's confusion-matrix metrics). Subclasses write only the ratio.
/// </summary>
public abstract class ConfusionMetric(string name, double threshold) : Metric(name)
{
    protected double TruePositives, FalsePositives, TrueNegatives, FalseNegatives;

    /// <summary>Predictions above this count as positive (Keras default 0.5).</summary>
    public double Threshold { get; } = threshold is >= 0 and <= 1 ? threshold
        : throw new ArgumentException($"Threshold values must be in [0, 1]. Received: thresholds={threshold}");

    public override void UpdateState(Tensor yTrue, Tensor yPred, Tensor? sampleWeight = null)
    {
        var t = yTrue.ToArray();
        var p = yPred.ToArray();
        if (t.Length != p.Length)
            throw new ArgumentException($"{Name} expects y_true and y_pred with the same number of values. Received: y_true.shape={yTrue.Shape}, y_pred.shape={yPred.Shape}");
        var w = sampleWeight?.ToArray();
        int perSample = w is null ? 1 : Math.Max(1, p.Length / w.Length);
        for (int i = 0; i < p.Length; i++)
        {
            double weight = w is null ? 1 : w[i / perSample];
            bool predicted = p[i] > Threshold, actual = t[i] != 0;
            if (predicted && actual) TruePositives += weight;
            else if (predicted) FalsePositives += weight;
            else if (actual) FalseNegatives += weight;
            else TrueNegatives += weight;
        }
    }

    public override void ResetState() => TruePositives = FalsePositives = TrueNegatives = FalseNegatives = 0;

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
