using NotebookNN.Tensors;

namespace NotebookNN.Learn;

/// <summary>scikit-learn's metrics on label and target tensors (<c>Sklearn</c> is their public face).</summary>
internal static class MetricScores
{
    /// <summary>Fraction (or number, with <paramref name="normalize"/> false) of labels predicted exactly (<c>accuracy_score</c>).</summary>
    public static double Accuracy(Tensor yTrue, Tensor yPred, bool normalize = true)
    {
        var (t, p) = (Labels.Vector(yTrue, "y_true"), Labels.Vector(yPred, "y_pred"));
        Labels.SameLength(t, p, "y_true", "y_pred");
        int hits = t.Where((v, i) => v == p[i]).Count();
        return normalize ? (double)hits / t.Length : hits;
    }

    /// <summary>
    /// <c>confusion_matrix</c>: entry [i, j] counts samples of true label i predicted as j, labels sorted
    /// (or in the order of <paramref name="labels"/>).
    /// </summary>
    public static int[,] Confusion(Tensor yTrue, Tensor yPred, IReadOnlyList<double>? labels = null)
    {
        var (t, p) = (Labels.Vector(yTrue, "y_true"), Labels.Vector(yPred, "y_pred"));
        Labels.SameLength(t, p, "y_true", "y_pred");
        var order = labels?.ToArray() ?? Labels.Unique(t.Concat(p));
        var index = order.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i);
        var m = new int[order.Length, order.Length];
        for (int i = 0; i < t.Length; i++)
            if (index.TryGetValue(t[i], out int a) && index.TryGetValue(p[i], out int b)) m[a, b]++;
        return m;
    }

    /// <summary><c>mean_squared_error</c> averaged over outputs; with <paramref name="squared"/> false its square root (RMSE).</summary>
    public static double MeanSquared(Tensor yTrue, Tensor yPred, bool squared = true) =>
        PerOutput(yTrue, yPred, (t, p) => { var e = t.Zip(p, (a, b) => (a - b) * (a - b)).ToArray(); var m = Labels.Sum(e) / e.Length; return squared ? m : Math.Sqrt(m); });

    /// <summary><c>mean_absolute_error</c> averaged over outputs.</summary>
    public static double MeanAbsolute(Tensor yTrue, Tensor yPred) =>
        PerOutput(yTrue, yPred, (t, p) => Labels.Sum(t.Zip(p, (a, b) => Math.Abs(a - b)).ToArray()) / t.Length);

    /// <summary><c>r2_score</c>: 1 − SS_res / SS_tot, averaged over outputs (1 for a perfect fit of a constant target, else 0).</summary>
    public static double R2(Tensor yTrue, Tensor yPred) => PerOutput(yTrue, yPred, (t, p) =>
    {
        double mean = Labels.Sum(t) / t.Length;
        double num = Labels.Sum(t.Zip(p, (a, b) => (a - b) * (a - b)).ToArray());
        double den = Labels.Sum(t.Select(a => (a - mean) * (a - mean)).ToArray());
        return den != 0 ? 1 - num / den : num == 0 ? 1 : 0;
    });

    /// <summary>Applies a per-column metric to 1-D or (n, k) targets and averages the k results uniformly.</summary>
    private static double PerOutput(Tensor yTrue, Tensor yPred, Func<double[], double[], double> metric)
    {
        if (!yTrue.Shape.Equals(yPred.Shape) && !(yTrue.Size == yPred.Size && yTrue.NDim <= 2 && yPred.NDim <= 2 && Math.Min(yTrue.NDim, yPred.NDim) == 1))
            throw new ArgumentException($"y_true and y_pred have different shapes: {yTrue.Shape} and {yPred.Shape}.");
        if (yTrue.Size == 0) throw new ArgumentException("Expected non-empty y_true and y_pred.");
        int n = yTrue.Shape[0], k = yTrue.Size / n;
        float[] t = yTrue.ToArray(), p = yPred.ToArray();
        var scores = new double[k];
        for (int j = 0; j < k; j++)
            scores[j] = metric(Enumerable.Range(0, n).Select(i => (double)t[i * k + j]).ToArray(), Enumerable.Range(0, n).Select(i => (double)p[i * k + j]).ToArray());
        return Labels.Sum(scores) / k;
    }
}
