using System.Text;

namespace NotebookNN.Formatting;

/// <summary>
/// A panel's legend in <see cref="ChartSvg"/>'s picture, placed as matplotlib's <c>loc="best"</c> does: in the corner
/// of the panel that covers the fewest data points (upper right, upper left, lower left, lower right on a tie).
/// </summary>
internal static class SvgLegend
{
    private const double Row = 18, Pad = 6, Sample = 28;

    public static void Draw(StringBuilder sb, SvgPanel panel, IReadOnlyList<SvgTrace> items, (double X0, double Y0, double X1, double Y1) box, IReadOnlyList<SvgTrace> all)
    {
        if (items.Count == 0) return;
        double w = Sample + 3 * Pad + items.Max(t => t.Name!.Length) * 7, h = items.Count * Row + Pad;
        var points = all.SelectMany(t => t.X.Zip(t.Y, (x, y) => (X: panel.X(x), Y: panel.Y(y)))).ToList();
        var corners = new[] { (box.X1 - w - 8, box.Y0 + 8), (box.X0 + 8, box.Y0 + 8), (box.X0 + 8, box.Y1 - h - 8), (box.X1 - w - 8, box.Y1 - h - 8) };
        var (lx, ly) = corners.OrderBy(c => points.Count(p => p.X >= c.Item1 && p.X <= c.Item1 + w && p.Y >= c.Item2 && p.Y <= c.Item2 + h)).First();
        sb.Append("<g class=\"legend\"><rect x=\"").Append(Svg.Num(lx)).Append("\" y=\"").Append(Svg.Num(ly)).Append("\" width=\"").Append(Svg.Num(w))
          .Append("\" height=\"").Append(Svg.Num(h)).Append("\" rx=\"3\" fill=\"white\" fill-opacity=\"0.85\" stroke=\"#ccc\"/>");
        for (int i = 0; i < items.Count; i++)
        {
            var t = items[i];
            double y = ly + Pad + Row * i + Row / 2 - 2;
            if (t.Lines)
                sb.Append("<line x1=\"").Append(Svg.Num(lx + Pad)).Append("\" y1=\"").Append(Svg.Num(y)).Append("\" x2=\"").Append(Svg.Num(lx + Pad + Sample))
                  .Append("\" y2=\"").Append(Svg.Num(y)).Append("\" stroke=\"").Append(Html.Escape(t.Color)).Append("\" stroke-width=\"2\"").Append(SvgPanel.Dash(t.Dash)).Append("/>");
            if (t.Markers) sb.Append(SvgMarkers.Shape(t.Symbol, lx + Pad + Sample / 2, y, t.MarkerSize, t.Color));
            SvgPanel.Label(sb, "legendtext", lx + 2 * Pad + Sample, y + 4, "start", t.Name!);
        }
        sb.Append("</g>");
    }
}
