using NotebookNN.Tensors;

namespace NotebookNN.Metrics;

/// <summary>
/// Weighted counts of true/false positives and negatives at one or more thresholds, a prediction counting as
/// positive when it is above the threshold: the state shared by Precision, Recall (one threshold) and AUC (many).
/// </summary>
internal sealed class ConfusionCounts(double[] thresholds)
{
    public double[] Thresholds { get; } = thresholds;
    public double[] TruePositives { get; } = new double[thresholds.Length];
    public double[] FalsePositives { get; } = new double[thresholds.Length];
    public double[] TrueNegatives { get; } = new double[thresholds.Length];
    public double[] FalseNegatives { get; } = new double[thresholds.Length];

    /// <summary>Adds every value of a batch; a sample weight applies to all the values of its sample.</summary>
    public void Update(string metricName, Tensor yTrue, Tensor yPred, Tensor? sampleWeight)
    {
        var t = yTrue.ToArray();
        var p = yPred.ToArray();
        if (t.Length != p.Length)
            throw new ArgumentException($"{metricName} expects y_true and y_pred with the same number of values. Received: y_true.shape={yTrue.Shape}, y_pred.shape={yPred.Shape}");
        var w = sampleWeight?.ToArray();
        int perSample = w is null ? 1 : Math.Max(1, p.Length / w.Length);
        for (int i = 0; i < p.Length; i++)
        {
            double weight = w is null ? 1 : w[i / perSample];
            bool actual = t[i] != 0;
            for (int k = 0; k < Thresholds.Length; k++)
            {
                bool predicted = p[i] > Thresholds[k];
                if (predicted && actual) TruePositives[k] += weight;
                else if (predicted) FalsePositives[k] += weight;
                else if (actual) FalseNegatives[k] += weight;
                else TrueNegatives[k] += weight;
            }
        }
    }

    public void Reset()
    {
        Array.Clear(TruePositives); Array.Clear(FalsePositives);
        Array.Clear(TrueNegatives); Array.Clear(FalseNegatives);
    }
}
