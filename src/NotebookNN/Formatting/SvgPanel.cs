using System.Text;
using NotebookNN.Plotting;

namespace NotebookNN.Formatting;

/// <summary>One panel of <see cref="ChartSvg"/>'s picture: its pixel rectangle, its axes' ranges and ticks, and the drawing of its traces.</summary>
internal sealed class SvgPanel
{
    private readonly double _x0, _x1, _y0, _y1; // pixel rectangle: left, right, top, bottom
    private readonly (double Lo, double Hi) _xr, _yr;
    private readonly double[] _xt, _yt;
    private readonly double _xStep, _yStep;
    private readonly SvgAxis _xa, _ya;

    private SvgPanel(SvgFigure f, SvgAxis xa, SvgAxis ya, IEnumerable<SvgTrace> xTraces, IEnumerable<SvgTrace> yTraces)
    {
        double plotW = f.Width - f.Left - f.Right, plotH = f.Height - f.Top - f.Bottom;
        (_xa, _ya) = (xa, ya);
        (_x0, _x1) = (f.Left + xa.D0 * plotW, f.Left + xa.D1 * plotW);
        (_y0, _y1) = (f.Top + (1 - ya.D1) * plotH, f.Top + (1 - ya.D0) * plotH);
        (_xr, _xt, _xStep) = Scale(xa, xTraces.SelectMany(t => t.X), _x1 - _x0, 80);
        (_yr, _yt, _yStep) = Scale(ya, yTraces.SelectMany(t => t.Y), _y1 - _y0, 50);
    }

    /// <summary>The panel of axes <paramref name="xa"/> and <paramref name="ya"/> (ranges from every trace on each axis).</summary>
    public static SvgPanel Create(SvgFigure f, string xa, string ya) =>
        new(f, f.Axes["x" + xa[1..]], f.Axes["y" + ya[1..]], f.Traces.Where(t => t.XAxis == xa), f.Traces.Where(t => t.YAxis == ya));

    /// <summary>Pixel x of data value <paramref name="v"/>.</summary>
    public double X(double v) => _x0 + (v - _xr.Lo) / (_xr.Hi - _xr.Lo) * (_x1 - _x0);
    /// <summary>Pixel y of data value <paramref name="v"/>.</summary>
    public double Y(double v) => _y1 - (v - _yr.Lo) / (_yr.Hi - _yr.Lo) * (_y1 - _y0);

    private static ((double, double), double[], double) Scale(SvgAxis axis, IEnumerable<double> values, double pixels, double spacing)
    {
        var finite = values.Where(double.IsFinite).ToList();
        var range = axis.Range ?? (finite.Count == 0 ? (0, 1) : NiceTicks.Pad(finite.Min(), finite.Max()));
        if (range.Item2 <= range.Item1) range = NiceTicks.Pad(range.Item1, range.Item1);
        double step = axis.DTick is > 0 ? axis.DTick.Value : NiceTicks.Step(range.Item2 - range.Item1, Math.Max(2, (int)(pixels / spacing)));
        return (range, NiceTicks.Within(range.Item1, range.Item2, step, axis.DTick is > 0 ? axis.Tick0 ?? 0 : 0), step);
    }

    public void Draw(StringBuilder sb, string id, IReadOnlyList<SvgTrace> traces, bool legend)
    {
        sb.Append("<g class=\"panel\"><clipPath id=\"").Append(id).Append("\"><rect x=\"").Append(Svg.Num(_x0)).Append("\" y=\"").Append(Svg.Num(_y0))
          .Append("\" width=\"").Append(Svg.Num(_x1 - _x0)).Append("\" height=\"").Append(Svg.Num(_y1 - _y0)).Append("\"/></clipPath>");
        foreach (var t in _xt) Line(sb, "grid", X(t), _y0, X(t), _y1);
        foreach (var t in _yt) Line(sb, "grid", _x0, Y(t), _x1, Y(t));
        foreach (var t in _xt) Label(sb, "xtick", X(t), _y1 + 16, "middle", ChartSvg.TickLabel(t, _xStep));
        foreach (var t in _yt) Label(sb, "ytick", _x0 - 6, Y(t) + 4, "end", ChartSvg.TickLabel(t, _yStep));
        if (_xa.Title is not null) Label(sb, "xtitle", (_x0 + _x1) / 2, _y1 + 36, "middle", _xa.Title);
        if (_ya.Title is not null)
        {
            double width = _yt.Select(t => ChartSvg.TickLabel(t, _yStep).Length).DefaultIfEmpty(1).Max() * 7;
            double x = _x0 - width - 16, y = (_y0 + _y1) / 2;
            sb.Append("<text class=\"ytitle\" x=\"").Append(Svg.Num(x)).Append("\" y=\"").Append(Svg.Num(y)).Append("\" text-anchor=\"middle\" transform=\"rotate(-90 ")
              .Append(Svg.Num(x)).Append(' ').Append(Svg.Num(y)).Append(")\">").Append(Html.Escape(_ya.Title)).Append("</text>");
        }
        sb.Append("<g clip-path=\"url(#").Append(id).Append(")\">");
        foreach (var t in traces) Trace(sb, t);
        sb.Append("</g><rect class=\"frame\" x=\"").Append(Svg.Num(_x0)).Append("\" y=\"").Append(Svg.Num(_y0)).Append("\" width=\"").Append(Svg.Num(_x1 - _x0))
          .Append("\" height=\"").Append(Svg.Num(_y1 - _y0)).Append("\" fill=\"none\" stroke=\"#444\" stroke-width=\"0.8\"/>");
        if (legend) SvgLegend.Draw(sb, this, [.. traces.Where(t => t.InLegend && t.Name is not null)], (_x0, _y0, _x1, _y1), traces);
        sb.Append("</g>");
    }

    private void Trace(StringBuilder sb, SvgTrace t)
    {
        sb.Append("<g class=\"trace\" data-name=\"").Append(Html.Escape(t.Name ?? "")).Append("\">");
        int n = Math.Min(t.X.Length, t.Y.Length);
        if (t.Lines)
        {
            // A gap (NaN, infinity) ends one polyline and the next finite point starts another, as Plotly draws it.
            var run = new List<string>();
            for (int i = 0; i <= n; i++)
            {
                if (i < n && double.IsFinite(t.X[i]) && double.IsFinite(t.Y[i])) { run.Add($"{Svg.Num(X(t.X[i]))},{Svg.Num(Y(t.Y[i]))}"); continue; }
                if (run.Count > 0)
                    sb.Append("<polyline points=\"").Append(string.Join(' ', run)).Append("\" fill=\"none\" stroke=\"").Append(Html.Escape(t.Color))
                      .Append("\" stroke-width=\"2\"").Append(Dash(t.Dash)).Append(" stroke-linejoin=\"round\"/>");
                run.Clear();
            }
        }
        if (t.Markers)
            for (int i = 0; i < n; i++)
                if (double.IsFinite(t.X[i]) && double.IsFinite(t.Y[i]))
                    sb.Append(SvgMarkers.Shape(t.Symbol, X(t.X[i]), Y(t.Y[i]), t.MarkerSize, t.Color));
        sb.Append("</g>");
    }

    /// <summary>SVG's dash pattern for Plotly's dash names.</summary>
    internal static string Dash(string dash) => dash switch
    {
        "dash" => " stroke-dasharray=\"7,4\"", "dot" => " stroke-dasharray=\"2,3\"", "dashdot" => " stroke-dasharray=\"7,3,2,3\"",
        "longdash" => " stroke-dasharray=\"12,4\"", "longdashdot" => " stroke-dasharray=\"12,3,2,3\"", _ => "",
    };

    private static void Line(StringBuilder sb, string cls, double x1, double y1, double x2, double y2) =>
        sb.Append("<line class=\"").Append(cls).Append("\" x1=\"").Append(Svg.Num(x1)).Append("\" y1=\"").Append(Svg.Num(y1)).Append("\" x2=\"")
          .Append(Svg.Num(x2)).Append("\" y2=\"").Append(Svg.Num(y2)).Append("\" stroke=\"#e5e5e5\"/>");

    internal static void Label(StringBuilder sb, string cls, double x, double y, string anchor, string text) =>
        sb.Append("<text class=\"").Append(cls).Append("\" x=\"").Append(Svg.Num(x)).Append("\" y=\"").Append(Svg.Num(y)).Append("\" text-anchor=\"")
          .Append(anchor).Append("\">").Append(Html.Escape(text)).Append("</text>");
}
