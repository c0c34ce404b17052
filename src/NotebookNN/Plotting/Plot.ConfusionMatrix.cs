using System.Globalization;
using NotebookNN.Tensors;
using NotebookNN.Learn;

namespace NotebookNN.Plotting;

public static partial class Plot
{
    /// <summary>
    /// The confusion matrix of <paramref name="yTrue"/> against <paramref name="yPred"/> drawn as a heatmap (scikit-learn's
    /// <c>ConfusionMatrixDisplay.from_predictions</c>): rows are true labels, columns predicted ones. In a notebook it
    /// renders as the coloured table; as text it is the matrix (see <see cref="ConfusionMatrixDisplay"/>).
    /// </summary>
    /// <param name="yTrue">True class labels.</param>
    /// <param name="yPred">Predicted class labels.</param>
    /// <param name="displayLabels">Names for the classes, in sorted label order; default the labels themselves.</param>
    /// <param name="cmap">matplotlib colormap name (scikit-learn's default is viridis).</param>
    public static ConfusionMatrixDisplay ConfusionMatrix(Tensor yTrue, Tensor yPred, IReadOnlyList<string>? displayLabels = null, string cmap = "viridis")
    {
        var m = MetricScores.Confusion(yTrue, yPred);
        int n = m.GetLength(0);
        var present = yTrue.ToArray().Concat(yPred.ToArray()).Distinct().Order().ToArray();
        if (displayLabels is not null && displayLabels.Count != n)
            throw new ArgumentException($"Expected one display label per class ({n}). Received: {displayLabels.Count} labels", nameof(displayLabels));
        Colormap.Get(cmap); // an unknown name fails here, not when the notebook draws it
        return new ConfusionMatrixDisplay(m, displayLabels ?? present.Select(v => v.ToString(CultureInfo.InvariantCulture)).ToList(), cmap);
    }
}
