namespace NotebookNN.Metrics;

/// <summary>
/// Area under the ROC curve (keras.metrics.AUC with its defaults: 200 thresholds, ROC, interpolation). Predictions
/// are bucketed at thresholds evenly spaced in [0, 1] (plus −ε and 1 + ε at the ends, as Keras); the area is the
/// trapezoid sum of true-positive rate over false-positive rate.
/// </summary>
public class AUC : Metric
{
    private readonly double[] _thresholds;
    private readonly double[] _tp, _fp, _tn, _fn;

    public AUC(int numThresholds = 200, string? name = null) : base(name ?? Layers.LayerNames.Unique("auc"))
    {
        if (numThresholds <= 1)
            throw new ArgumentException($"Argument `num_thresholds` must be an integer > 1. Received: num_thresholds={numThresholds}");
        const double eps = 1e-7;
        _thresholds = new double[numThresholds];
        _thresholds[0] = -eps;
        for (int i = 1; i < numThresholds - 1; i++) _thresholds[i] = i / (double)(numThresholds - 1);
        _thresholds[^1] = 1 + eps;
        _tp = new double[numThresholds]; _fp = new double[numThresholds];
        _tn = new double[numThresholds]; _fn = new double[numThresholds];
    }

    public int NumThresholds => _thresholds.Length;

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
            bool actual = t[i] != 0;
            for (int k = 0; k < _thresholds.Length; k++)
            {
                bool predicted = p[i] > _thresholds[k];
                if (predicted && actual) _tp[k] += weight;
                else if (predicted) _fp[k] += weight;
                else if (actual) _fn[k] += weight;
                else _tn[k] += weight;
            }
        }
    }

    public override double Result()
    {
        double area = 0;
        for (int k = 0; k < _thresholds.Length - 1; k++)
        {
            double tpr0 = Rate(_tp[k], _fn[k]), tpr1 = Rate(_tp[k + 1], _fn[k + 1]);
            double fpr0 = Rate(_fp[k], _tn[k]), fpr1 = Rate(_fp[k + 1], _tn[k + 1]);
            area += (fpr0 - fpr1) * (tpr0 + tpr1) / 2;
        }
        return area;
    }

    public override void ResetState()
    {
        Array.Clear(_tp); Array.Clear(_fp); Array.Clear(_tn); Array.Clear(_fn);
    }

    private static double Rate(double hits, double misses) => hits + misses == 0 ? 0 : hits / (hits + misses);
}
