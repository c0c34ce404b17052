using System.Globalization;
using System.Text;
using NotebookNN.Plotting;

namespace NotebookNN.Formatting;

/// <summary>
/// A labelled matrix as an HTML heatmap table, as scikit-learn's <c>ConfusionMatrixDisplay</c> draws it: rows are the
/// true labels, columns the predicted ones, each cell coloured by its count on the colormap (viridis by default)
/// from the matrix's min to max, with white text on dark cells. For confusion-matrix types to format with.
/// </summary>
public static class HeatmapHtml
{
    /// <summary>A <see cref="ConfusionMatrixDisplay"/>: its counts under its class names, in its colormap.</summary>
    public static string Render(ConfusionMatrixDisplay display)
    {
        var m = display.ConfusionMatrix;
        var counts = new double[m.GetLength(0), m.GetLength(1)];
        for (int i = 0; i < m.GetLength(0); i++)
            for (int j = 0; j < m.GetLength(1); j++) counts[i, j] = m[i, j];
        return Render(display.DisplayLabels, counts, display.Cmap);
    }

    /// <summary>The heatmap table of <paramref name="counts"/> (labels.Count × labels.Count).</summary>
    /// <param name="labels">Class names, for rows and columns.</param>
    /// <param name="counts">The matrix; <c>counts[i, j]</c> = samples of true class i predicted as class j.</param>
    /// <param name="cmap">matplotlib colormap name.</param>
    public static string Render(IReadOnlyList<string> labels, double[,] counts, string cmap = "viridis")
    {
        int n = counts.GetLength(0);
        if (counts.GetLength(1) != n || labels.Count != n)
            throw new ArgumentException($"Expected a square matrix with one label per row. Received: matrix shape=({n}, {counts.GetLength(1)}), {labels.Count} labels", nameof(counts));
        var map = Colormap.Get(cmap);
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (var v in counts) { lo = Math.Min(lo, v); hi = Math.Max(hi, v); }
        var sb = new StringBuilder(Html.TableStyle).Append("<table class=\"nnn nnn-heatmap\"><thead><tr><th class=\"l\">True \\ Predicted</th>");
        foreach (var l in labels) sb.Append("<th>").Append(Html.Escape(l)).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        for (int i = 0; i < n; i++)
        {
            sb.Append("<tr><th class=\"l\">").Append(Html.Escape(labels[i])).Append("</th>");
            for (int j = 0; j < n; j++)
            {
                double x = hi > lo ? (counts[i, j] - lo) / (hi - lo) : 0;
                var (r, g, b) = map.Map(x);
                string fg = 0.299 * r + 0.587 * g + 0.114 * b < 128 ? "#fff" : "#000";
                sb.Append($"<td style=\"background:#{r:x2}{g:x2}{b:x2};color:{fg}\">")
                  .Append(counts[i, j].ToString("G6", CultureInfo.InvariantCulture)).Append("</td>");
            }
            sb.Append("</tr>");
        }
        return sb.Append("</tbody></table>").ToString();
    }
}
