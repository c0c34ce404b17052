using NotebookNN.Learn;
using NotebookNN.Tensors;

namespace NotebookNN;

public static partial class Sklearn
{
    /// <summary>
    /// scikit-learn's <c>classification_report(y_true, y_pred, labels, target_names, digits)</c>; print it for the
    /// text layout. Precision or recall with a zero denominator is 0 (scikit-learn's zero_division="warn" value).
    /// </summary>
    public static ClassificationReport ClassificationReport(Tensor yTrue, Tensor yPred, IReadOnlyList<double>? labels = null,
        IReadOnlyList<string>? targetNames = null, int digits = 2)
    {
        var (t, p) = (Labels.Vector(yTrue, "y_true"), Labels.Vector(yPred, "y_pred"));
        Labels.SameLength(t, p, "y_true", "y_pred");
        if (digits < 0) throw new ArgumentOutOfRangeException(nameof(digits), $"Expected digits >= 0; received {digits}.");
        var present = Labels.Unique(t.Concat(p));
        var order = labels?.ToArray() ?? present;
        if (targetNames is not null && targetNames.Count != order.Length)
            throw new ArgumentException($"Number of classes, {order.Length}, does not match size of target_names, {targetNames.Count}. Try specifying the labels parameter.");
        var names = targetNames ?? order.Select(Labels.Name).ToArray();
        int k = order.Length;
        double[] prec = new double[k], rec = new double[k], f1 = new double[k], sup = new double[k];
        var rows = new List<ClassificationReportRow>();
        int tpAll = 0, predAll = 0, trueAll = 0;
        for (int c = 0; c < k; c++)
        {
            int tp = 0, predicted = 0, actual = 0;
            for (int i = 0; i < t.Length; i++)
            {
                bool isT = t[i] == order[c], isP = p[i] == order[c];
                if (isT) actual++;
                if (isP) predicted++;
                if (isT && isP) tp++;
            }
            (prec[c], rec[c], f1[c], sup[c]) = Scores(tp, predicted, actual);
            tpAll += tp; predAll += predicted; trueAll += actual;
            rows.Add(new(names[c], prec[c], rec[c], f1[c], actual));
        }
        bool accuracyRow = labels is null || present.All(order.Contains);
        var averages = new List<ClassificationReportRow>();
        var micro = Scores(tpAll, predAll, trueAll);
        if (!accuracyRow) averages.Add(new("micro avg", micro.P, micro.R, micro.F, trueAll));
        averages.Add(new("macro avg", Labels.Sum(prec) / k, Labels.Sum(rec) / k, Labels.Sum(f1) / k, trueAll));
        double w = Labels.Sum(sup);
        double Weighted(double[] v) => w == 0 ? 0 : Labels.Sum(v.Select((x, i) => x * sup[i]).ToArray()) / w;
        averages.Add(new("weighted avg", Weighted(prec), Weighted(rec), Weighted(f1), trueAll));
        return new ClassificationReport(rows, accuracyRow ? micro.F : null, averages, digits);
    }

    private static (double P, double R, double F, double S) Scores(int tp, int predicted, int actual)
    {
        double precision = predicted == 0 ? 0 : (double)tp / predicted;
        double recall = actual == 0 ? 0 : (double)tp / actual;
        double denom = precision + recall;
        double f = 2 * precision * recall / (denom == 0 ? 1 : denom);
        return (precision, recall, f, actual);
    }
}
