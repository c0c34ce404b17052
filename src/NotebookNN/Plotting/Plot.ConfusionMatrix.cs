using System.Globalization;
using System.Text;
using NotebookNN.Formatting;
using NotebookNN.Tensors;

namespace NotebookNN.Plotting;

public static partial class Plot
{
    /// <summary>
    /// The confusion matrix of <paramref name="yTrue"/> against <paramref name="yPred"/> drawn as a heatmap (scikit-learn's
    /// <c>ConfusionMatrixDisplay.from_predictions</c>): rows are true labels, columns predicted ones. In a notebook it
    /// renders as the coloured table; as text it is the matrix.
    /// </summary>
    /// <param name="yTrue">True class labels.</param>
    /// <param name="yPred">Predicted class labels.</param>
    /// <param name="displayLabels">Names for the classes, in sorted label order; default the labels themselves.</param>
    /// <param name="cmap">matplotlib colormap name (scikit-learn's default is viridis).</param>
    public static HtmlFragment ConfusionMatrix(Tensor yTrue, Tensor yPred, IReadOnlyList<string>? displayLabels = null, string cmap = "viridis")
    {
        var m = Sklearn.ConfusionMatrix(yTrue, yPred);
        int n = m.GetLength(0);
        var present = yTrue.ToArray().Concat(yPred.ToArray()).Distinct().Order().ToArray();
        if (displayLabels is not null && displayLabels.Count != n)
            throw new ArgumentException($"Expected one display label per class ({n}). Received: {displayLabels.Count} labels", nameof(displayLabels));
        var labels = displayLabels ?? present.Select(v => v.ToString(CultureInfo.InvariantCulture)).ToList();
        var counts = new double[n, n];
        int width = m.Cast<int>().DefaultIfEmpty(0).Max(v => v.ToString(CultureInfo.InvariantCulture).Length);
        var text = new StringBuilder(); // numpy's print of the int matrix: every entry padded to the widest
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++) counts[i, j] = m[i, j];
            text.Append(i == 0 ? "[[" : " [").Append(string.Join(" ", Enumerable.Range(0, n).Select(j => m[i, j].ToString(CultureInfo.InvariantCulture).PadLeft(width))))
                .Append(i == n - 1 ? "]]" : "]\n");
        }
        return new HtmlFragment(HeatmapHtml.Render(labels, counts, cmap), text.ToString());
    }
}
