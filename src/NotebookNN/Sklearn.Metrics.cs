using NotebookNN.Tensors;
using NotebookNN.Learn;

namespace NotebookNN;

public static partial class Sklearn
{
    /// <summary>Fraction (or number, with <paramref name="normalize"/> false) of labels predicted exactly (<c>accuracy_score</c>).</summary>
    public static double AccuracyScore(Tensor yTrue, Tensor yPred, bool normalize = true) => MetricScores.Accuracy(yTrue, yPred, normalize);

    /// <summary>
    /// <c>confusion_matrix</c>: entry [i, j] counts samples of true label i predicted as j, labels sorted
    /// (or in the order of <paramref name="labels"/>).
    /// </summary>
    public static int[,] ConfusionMatrix(Tensor yTrue, Tensor yPred, IReadOnlyList<double>? labels = null) => MetricScores.Confusion(yTrue, yPred, labels);

    /// <summary><c>mean_squared_error</c> averaged over outputs; with <paramref name="squared"/> false its square root (RMSE).</summary>
    public static double MeanSquaredError(Tensor yTrue, Tensor yPred, bool squared = true) => MetricScores.MeanSquared(yTrue, yPred, squared);

    /// <summary><c>mean_absolute_error</c> averaged over outputs.</summary>
    public static double MeanAbsoluteError(Tensor yTrue, Tensor yPred) => MetricScores.MeanAbsolute(yTrue, yPred);

    /// <summary><c>r2_score</c>: 1 − SS_res / SS_tot, averaged over outputs (1 for a perfect fit of a constant target, else 0).</summary>
    public static double R2Score(Tensor yTrue, Tensor yPred) => MetricScores.R2(yTrue, yPred);
}
