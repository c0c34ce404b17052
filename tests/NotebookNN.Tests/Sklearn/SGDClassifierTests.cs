using System.Text.Json;

namespace NotebookNN.Tests.Sklearn;

/// <summary>
/// SGDClassifier against scikit-learn 1.2.1 on the same float32 inputs (Reference/make_sgd_reference.py): the same
/// epochs, the same ConvergenceWarning, the same predictions, and the same weights to the last bit (both sides shuffle
/// identically, compute in float64 and sum each margin in the same order; a different summation order alone moves
/// the weights by percents after tens of epochs on breast_cancer, see WideningKernels.Dots).
/// </summary>
public class SGDClassifierTests
{
    public static TheoryData<int> Fits() => new(Enumerable.Range(0, SgdReference.Get("fits").GetArrayLength()));

    [SkippableTheory]
    [MemberData(nameof(Fits))]
    public void FitMatchesScikitLearn(int index)
    {
        var c = SgdReference.Get("fits")[index];
        var (x, y) = SgdReference.Data(c.GetProperty("data").GetString()!);
        var warnings = new List<string>();
        var clf = SgdReference.Classifier(c.GetProperty("params"));
        using (SklearnWarnings.Capture(warnings)) clf.Fit(x, y);
        Assert.Equal(c.GetProperty("n_iter").GetInt32(), clf.NIter);
        Assert.Equal(c.GetProperty("converged").GetBoolean() ? [] : (string[])["ConvergenceWarning: Maximum number of iteration reached before convergence. Consider increasing max_iter to improve the fit."], warnings);
        var coef = c.GetProperty("coef").EnumerateArray().Select(SgdReference.Doubles).ToArray();
        var intercept = SgdReference.Doubles(c.GetProperty("intercept"));
        double scale = coef.SelectMany(r => r).Concat(intercept).Max(Math.Abs), worst = 0;
        Assert.Equal(coef.Length, clf.Coef!.GetLength(0));
        for (int k = 0; k < coef.Length; k++)
        {
            for (int j = 0; j < coef[k].Length; j++) worst = Math.Max(worst, Math.Abs(coef[k][j] - clf.Coef[k, j]));
            worst = Math.Max(worst, Math.Abs(intercept[k] - clf.Intercept![k]));
        }
        Assert.True(worst == 0, $"largest difference {worst:E3} against weights up to {scale:G4}");
        Assert.Equal(SgdReference.Doubles(c.GetProperty("predict")).Select(v => (float)v), clf.Predict(x).ToArray());
        Assert.Equal(c.GetProperty("score").GetDouble(), clf.Score(x, y), 12);
    }
}
