using System.Text;

namespace NotebookNN.Formatting;

/// <summary>
/// Draws a <see cref="ModelGraph"/> as SVG in Keras 3's <c>plot_model</c> style: each layer a box whose black title
/// bar reads <c>conv2d (Conv2D)</c> (the name in bold) over a row of cells (activation, dtype, input and output shapes,
/// trainable), an arrow from each layer to the layers it feeds, laid out in ranks by <see cref="GraphLayout"/>. No ids and
/// no markers (arrowheads are polygons), so several plots on one page do not interfere. Every text is escaped; the
/// result is well-formed XML. Text is monospace so box widths follow the characters.
/// </summary>
internal static class ModelGraphSvg
{
    private const double CharWidth = 7.25, FontSize = 12, RowHeight = 22, Pad = 8, ArrowLength = 8, ArrowHalfWidth = 4;

    /// <summary>The SVG document.</summary>
    public static string Render(ModelGraph graph, bool showLayerNames, bool leftToRight, string modelName)
    {
        var sizes = graph.Boxes.Select(b => BoxSize(b, showLayerNames)).ToList();
        var layout = new GraphLayout(sizes.Select(s => (s.Width, s.Height)).ToList(), graph.Edges, leftToRight);
        var sb = new StringBuilder();
        sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"nnn-model-plot\" width=\"").Append(Svg.Num(layout.Width))
          .Append("\" height=\"").Append(Svg.Num(layout.Height)).Append("\" viewBox=\"0 0 ").Append(Svg.Num(layout.Width)).Append(' ')
          .Append(Svg.Num(layout.Height)).Append("\" font-family=\"monospace\" font-size=\"").Append(Svg.Num(FontSize))
          .Append("\" style=\"max-width:100%;height:auto\">")
          .Append("<title>").Append(Html.Escape(modelName)).Append("</title>")
          .Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
        for (int e = 0; e < graph.Edges.Count; e++)
            Edge(sb, graph.Boxes[graph.Edges[e].From].Name, graph.Boxes[graph.Edges[e].To].Name, layout.Edges[e], leftToRight);
        for (int i = 0; i < graph.Boxes.Count; i++) Box(sb, graph.Boxes[i], layout.Boxes[i], sizes[i].CellWidths, showLayerNames);
        return sb.Append("</svg>").ToString();
    }

    private static double TextWidth(string s) => s.Length * CharWidth;

    /// <summary>A box's size and its cells' widths: the title bar over one row of cells, as wide as the wider of the two
    /// (the cells share what the title leaves over).</summary>
    private static (double Width, double Height, double[] CellWidths) BoxSize(PlotBox box, bool showLayerNames)
    {
        var cells = box.Cells.Select(c => TextWidth(c) + 2 * Pad).ToArray();
        double width = Math.Max(TextWidth(box.Title(showLayerNames)) + 2 * Pad, cells.Sum());
        if (cells.Length > 0)
        {
            double extra = (width - cells.Sum()) / cells.Length;
            for (int i = 0; i < cells.Length; i++) cells[i] += extra;
        }
        return (width, RowHeight * (cells.Length > 0 ? 2 : 1), cells);
    }

    private static void Box(StringBuilder sb, PlotBox box, PlacedBox at, double[] cellWidths, bool showLayerNames)
    {
        string title = box.Title(showLayerNames);
        sb.Append("<g class=\"layer\" data-name=\"").Append(Html.Escape(box.Name)).Append("\" data-class=\"").Append(Html.Escape(box.ClassName)).Append("\">")
          .Append("<title>").Append(Html.Escape(string.Join("\n", [title, .. box.Cells]))).Append("</title>");
        Rect(sb, "header", at.X, at.Y, at.Width, RowHeight, "black");
        sb.Append("<text class=\"title\" x=\"").Append(Svg.Num(at.CenterX)).Append("\" y=\"").Append(Svg.Num(at.Y + RowHeight / 2))
          .Append("\" dy=\"0.35em\" text-anchor=\"middle\" fill=\"white\">");
        if (showLayerNames)
            sb.Append("<tspan font-weight=\"bold\">").Append(Html.Escape(box.Name)).Append("</tspan> (").Append(Html.Escape(box.ClassName)).Append(')');
        else
            sb.Append("<tspan font-weight=\"bold\">").Append(Html.Escape(box.ClassName)).Append("</tspan>");
        sb.Append("</text>");
        double x = at.X;
        for (int i = 0; i < box.Cells.Count; i++)
        {
            Rect(sb, "cell", x, at.Y + RowHeight, cellWidths[i], RowHeight, "white");
            sb.Append("<text class=\"cell\" x=\"").Append(Svg.Num(x + cellWidths[i] / 2)).Append("\" y=\"").Append(Svg.Num(at.Y + 1.5 * RowHeight))
              .Append("\" dy=\"0.35em\" text-anchor=\"middle\">").Append(Html.Escape(box.Cells[i])).Append("</text>");
            x += cellWidths[i];
        }
        sb.Append("</g>");
    }

    private static void Rect(StringBuilder sb, string cls, double x, double y, double w, double h, string fill) =>
        sb.Append("<rect class=\"").Append(cls).Append("\" x=\"").Append(Svg.Num(x)).Append("\" y=\"").Append(Svg.Num(y))
          .Append("\" width=\"").Append(Svg.Num(w)).Append("\" height=\"").Append(Svg.Num(h)).Append("\" fill=\"").Append(fill)
          .Append("\" stroke=\"black\"/>");

    /// <summary>A curve through the edge's points (leaving and entering along the rank axis, as dot's splines do), ending
    /// in an arrowhead whose tip touches the target box.</summary>
    private static void Edge(StringBuilder sb, string from, string to, IReadOnlyList<(double X, double Y)> points, bool leftToRight)
    {
        var p = points.ToArray();
        var tip = p[^1];
        // the curve stops at the arrowhead's base, one arrow length before the tip along the rank axis
        p[^1] = leftToRight ? (tip.X - ArrowLength, tip.Y) : (tip.X, tip.Y - ArrowLength);
        sb.Append("<g class=\"edge\" data-from=\"").Append(Html.Escape(from)).Append("\" data-to=\"").Append(Html.Escape(to)).Append("\">")
          .Append("<path d=\"M").Append(Svg.Num(p[0].X)).Append(',').Append(Svg.Num(p[0].Y));
        for (int i = 1; i < p.Length; i++)
        {
            var (a, b) = (p[i - 1], p[i]);
            double mx = (a.X + b.X) / 2, my = (a.Y + b.Y) / 2;
            var (c1, c2) = leftToRight ? ((mx, a.Y), (mx, b.Y)) : ((a.X, my), (b.X, my));
            sb.Append(" C").Append(Svg.Num(c1.Item1)).Append(',').Append(Svg.Num(c1.Item2)).Append(' ')
              .Append(Svg.Num(c2.Item1)).Append(',').Append(Svg.Num(c2.Item2)).Append(' ')
              .Append(Svg.Num(b.X)).Append(',').Append(Svg.Num(b.Y));
        }
        sb.Append("\" fill=\"none\" stroke=\"black\"/>");
        var (l, r) = leftToRight
            ? ((p[^1].X, p[^1].Y - ArrowHalfWidth), (p[^1].X, p[^1].Y + ArrowHalfWidth))
            : ((p[^1].X - ArrowHalfWidth, p[^1].Y), (p[^1].X + ArrowHalfWidth, p[^1].Y));
        sb.Append("<polygon class=\"arrowhead\" points=\"").Append(Svg.Num(l.Item1)).Append(',').Append(Svg.Num(l.Item2)).Append(' ')
          .Append(Svg.Num(tip.X)).Append(',').Append(Svg.Num(tip.Y)).Append(' ').Append(Svg.Num(r.Item1)).Append(',').Append(Svg.Num(r.Item2))
          .Append("\" fill=\"black\"/></g>");
    }
}
