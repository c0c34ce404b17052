using System.Globalization;
using System.Text;
using NotebookNN.Plotting;
using Plotly.NET;

namespace NotebookNN.Formatting;

/// <summary>
/// A static SVG picture of a line/scatter chart, drawn from the chart's own figure data: each panel of the subplot
/// grid with its frame, grid lines at nice ticks, tick labels and axis titles; each trace as a polyline (dashed as
/// its line says) and/or markers in its colour; the title, paper annotations and a legend per panel. It is what a
/// saved notebook shows where JavaScript does not run (GitHub, nbviewer, mail), as a matplotlib PNG would.
/// </summary>
public static class ChartSvg
{
    /// <summary>The SVG document of <paramref name="chart"/>.</summary>
    public static string Render(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return Render(SvgFigure.Read(GenericChart.toFigureJson(chart)));
    }

    internal static string Render(SvgFigure f)
    {
        var sb = new StringBuilder();
        string id = "nnn-svg-" + Guid.NewGuid().ToString("N")[..12];
        sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").Append(f.Width).Append("\" height=\"").Append(f.Height)
          .Append("\" viewBox=\"0 0 ").Append(f.Width).Append(' ').Append(f.Height)
          .Append("\" font-family=\"sans-serif\" font-size=\"12\" style=\"max-width:100%;height:auto\">")
          .Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
        var panels = f.Traces.Select(t => (t.XAxis, t.YAxis)).Distinct().DefaultIfEmpty(("x", "y")).ToList();
        int legendable = f.Traces.Count(t => t.InLegend && t.Name is not null);
        bool legend = f.ShowLegend ?? legendable >= 2;
        for (int p = 0; p < panels.Count; p++)
        {
            var (xa, ya) = panels[p];
            var panel = SvgPanel.Create(f, xa, ya);
            panel.Draw(sb, $"{id}-{p}", [.. f.Traces.Where(t => t.XAxis == xa && t.YAxis == ya)], legend);
        }
        if (f.Title is not null)
            sb.Append("<text class=\"title\" x=\"").Append(Svg.Num(f.Width / 2.0)).Append("\" y=\"").Append(Svg.Num(Math.Max(18, f.Top / 2)))
              .Append("\" text-anchor=\"middle\" font-size=\"17\">").Append(Html.Escape(f.Title)).Append("</text>");
        double plotW = f.Width - f.Left - f.Right, plotH = f.Height - f.Top - f.Bottom;
        foreach (var a in f.Texts)
        {
            double x = f.Left + a.X * plotW, y = f.Top + (1 - a.Y) * plotH;
            y += a.YAnchor switch { "bottom" => -6, "top" => 14, _ => 4 };
            string anchor = a.XAnchor switch { "left" => "start", "right" => "end", _ => "middle" };
            sb.Append("<text class=\"annotation\" x=\"").Append(Svg.Num(x)).Append("\" y=\"").Append(Svg.Num(y))
              .Append("\" text-anchor=\"").Append(anchor).Append('"').Append(a.Bold ? " font-weight=\"bold\"" : "").Append('>')
              .Append(Html.Escape(a.Text)).Append("</text>");
        }
        return sb.Append("</svg>").ToString();
    }

    /// <summary>A tick label: as many decimals as the tick step needs, invariant culture, no "-0".</summary>
    internal static string TickLabel(double v, double step)
    {
        string s = v.ToString("F" + NiceTicks.Decimals(step).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return s.TrimStart('-').All(c => c is '0' or '.') ? s.TrimStart('-') : s;
    }
}
