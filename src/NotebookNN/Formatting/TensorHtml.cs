using System.Text;
using NotebookNN.Plotting;
using NotebookNN.Tensors;
using NotebookNN.Text;

namespace NotebookNN.Formatting;

/// <summary>
/// A tensor in a notebook: its shape and dtype, then a numpy-style preview table (rows indexed by the leading axes,
/// columns by the last one; long axes show their first and last <see cref="EdgeItems"/> entries around <c>…</c>,
/// numpy's float layout). A 2-D tensor or an (H, W, 3) / (H, W, 1) tensor that looks like an image is also drawn as one.
/// </summary>
internal static class TensorHtml
{
    /// <summary>Entries kept at each end of an axis longer than <see cref="MaxItems"/>.</summary>
    public const int EdgeItems = 5;
    /// <summary>Axes up to this length are shown whole.</summary>
    public const int MaxItems = 12;

    public static string Render(Tensor t)
    {
        var sb = new StringBuilder(Html.TableStyle);
        sb.Append("<div class=\"nnn-tensor\"><div style=\"font-family:monospace\">Tensor shape=")
          .Append(Html.Escape(t.Shape.ToString())).Append(" dtype=").Append(t.DType).Append("</div>");
        int cols = t.NDim == 0 ? 1 : t.Dims[^1];
        int rows = cols == 0 ? 0 : t.Size / cols;
        var rowIdx = Kept(rows);
        var colIdx = Kept(cols);
        var shown = rowIdx.Where(r => r >= 0).SelectMany(r => colIdx.Where(k => k >= 0).Select(k => At(t, r, k))).ToList();
        var fmt = new NumpyFloatFormat(shown);
        sb.Append("<table class=\"nnn\"><thead><tr><th></th>");
        foreach (var k in colIdx) sb.Append("<th>").Append(k < 0 ? "…" : k.ToString()).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        foreach (var r in rowIdx)
        {
            sb.Append("<tr><th class=\"l\">").Append(r < 0 ? "…" : RowLabel(t, r)).Append("</th>");
            foreach (var k in colIdx)
                sb.Append("<td>").Append(r < 0 || k < 0 ? "…" : Html.Escape(fmt.Format(At(t, r, k)).Trim())).Append("</td>");
            sb.Append("</tr>");
        }
        sb.Append("</tbody></table>");
        if (LooksLikeImage(t)) sb.Append(ImageGridHtml.Render(Plot.Image(t)));
        return sb.Append("</div>").ToString();
    }

    /// <summary>Indices shown along an axis of length <paramref name="n"/>; -1 marks the elision.</summary>
    internal static List<int> Kept(int n) => n <= MaxItems
        ? [.. Enumerable.Range(0, n)]
        : [.. Enumerable.Range(0, EdgeItems), -1, .. Enumerable.Range(n - EdgeItems, EdgeItems)];

    /// <summary>Element (row <paramref name="r"/> of the flattened leading axes, column <paramref name="k"/>), read
    /// through the strides so a preview of a large tensor or view copies nothing.</summary>
    private static float At(Tensor t, int r, int k)
    {
        if (t.NDim == 0) return t.Data[t.Offset];
        long off = t.Offset + (long)k * t.Strides[^1];
        for (int a = t.NDim - 2; a >= 0; a--) { off += (long)(r % t.Dims[a]) * t.Strides[a]; r /= t.Dims[a]; }
        return t.Data[off];
    }

    /// <summary>The leading-axes index of flattened row <paramref name="r"/>, e.g. <c>[1, 0]</c>.</summary>
    private static string RowLabel(Tensor t, int r)
    {
        if (t.NDim <= 1) return "";
        var idx = new int[t.NDim - 1];
        for (int a = idx.Length - 1; a >= 0; a--) { idx[a] = r % t.Dims[a]; r /= t.Dims[a]; }
        return "[" + string.Join(", ", idx) + "]";
    }

    /// <summary>2-D with both sides 8..1024, or (H, W, 3) / (H, W, 1) with such sides.</summary>
    internal static bool LooksLikeImage(Tensor t)
    {
        bool Side(int d) => d is >= 8 and <= 1024;
        return (t.NDim == 2 && Side(t.Dims[0]) && Side(t.Dims[1]))
            || (t.NDim == 3 && Side(t.Dims[0]) && Side(t.Dims[1]) && t.Dims[2] is 1 or 3);
    }
}
