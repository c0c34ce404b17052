using System.Globalization;
using System.Text;

namespace NotebookNN.Plotting;

/// <summary>
/// scikit-learn's <c>ConfusionMatrixDisplay</c>: a confusion matrix with its class names and colormap (what
/// <see cref="Plot.ConfusionMatrix"/> returns). In a notebook a heatmap table, rows true labels and columns predicted
/// ones; as text numpy's print of the matrix.
/// </summary>
public sealed partial class ConfusionMatrixDisplay
{
    internal ConfusionMatrixDisplay(int[,] confusionMatrix, IReadOnlyList<string> displayLabels, string cmap)
    {
        ConfusionMatrix = confusionMatrix;
        DisplayLabels = displayLabels;
        Cmap = cmap;
    }

    /// <summary>The counts: <c>[i, j]</c> = samples of true class i predicted as class j (<c>confusion_matrix</c>).</summary>
    public int[,] ConfusionMatrix { get; }

    /// <summary>The class names, in sorted label order (<c>display_labels</c>).</summary>
    public IReadOnlyList<string> DisplayLabels { get; }

    /// <summary>The matplotlib colormap the cells are coloured with.</summary>
    public string Cmap { get; }

    /// <summary>numpy's print of the int matrix, every entry padded to the widest: <c>[[12  0]\n [ 1  0]]</c>.</summary>
    public override string ToString()
    {
        var m = ConfusionMatrix;
        int n = m.GetLength(0);
        int width = m.Cast<int>().DefaultIfEmpty(0).Max(v => v.ToString(CultureInfo.InvariantCulture).Length);
        var text = new StringBuilder();
        for (int i = 0; i < n; i++)
            text.Append(i == 0 ? "[[" : " [").Append(string.Join(" ", Enumerable.Range(0, n).Select(j => m[i, j].ToString(CultureInfo.InvariantCulture).PadLeft(width))))
                .Append(i == n - 1 ? "]]" : "]\n");
        return text.ToString();
    }
}
