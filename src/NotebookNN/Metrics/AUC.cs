using NotebookNN.Tensors;

namespace NotebookNN.Metrics;

/// <summary>
/// Area under the ROC curve (keras.metrics.AUC with its defaults: 200 thresholds, ROC, interpolation). Predictions
/// are bucketed at thresholds evenly spaced in [0, 1] (plus −ε and 1 + ε at the ends, as Keras); the area is the
/// trapezoid sum of true-positive rate over false-positive rate.
/// </summary>
public class AUC : Metric
{
    private readonly ConfusionCounts _counts;

    public AUC(int numThresholds = 200, string? name = null) : base(name ?? Layers.LayerNames.Unique("auc"))
    {
        if (numThresholds <= 1)
            throw new ArgumentException($"Argument `num_thresholds` must be an integer > 1. Received: num_thresholds={numThresholds}");
        const double eps = 1e-7;
        var thresholds = new double[numThresholds];
        thresholds[0] = -eps;
        for (int i = 1; i < numThresholds - 1; i++) thresholds[i] = i / (double)(numThresholds - 1);
        thresholds[^1] = 1 + eps;
        _counts = new ConfusionCounts(thresholds);
    }

    public int NumThresholds => _counts.Thresholds.Length;

    public override void UpdateState(Tensor yTrue, Tensor yPred, Tensor? sampleWeight = null) => _counts.Update(Name, yTrue, yPred, sampleWeight);

    public override double Result()
    {
        var (tp, fp, tn, fn) = (_counts.TruePositives, _counts.FalsePositives, _counts.TrueNegatives, _counts.FalseNegatives);
        double area = 0;
        for (int k = 0; k < NumThresholds - 1; k++)
        {
            double tpr0 = Rate(tp[k], fn[k]), tpr1 = Rate(tp[k + 1], fn[k + 1]);
            double fpr0 = Rate(fp[k], tn[k]), fpr1 = Rate(fp[k + 1], tn[k + 1]);
            area += (fpr0 - fpr1) * (tpr0 + tpr1) / 2;
        }
        return area;
    }

    public override void ResetState() => _counts.Reset();

    private static double Rate(double hits, double misses) => hits + misses == 0 ? 0 : hits / (hits + misses);
}
