using System.Globalization;
using System.Xml.Linq;
using NotebookNN.Callbacks;
using NotebookNN.Formatting;
using NotebookNN.Plotting;
using Plotly.NET;

namespace NotebookNN.Tests.Formatting;

/// <summary>
/// The static SVG picture of charts, read back as XML: each polyline's points, mapped back through the axis that the
/// picture's own tick labels define, are the data; ticks are nice numbers covering the data; text is escaped.
/// The pictures are also written to <c>$NNN_PAGES_DIR</c> (or a temp folder) to look at.
/// </summary>
public class ChartSvgTests
{
    private static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    private static History Sample()
    {
        var h = new History();
        h.OnTrainBegin(new Dictionary<string, double>());
        double[] loss = [0.693, 0.41, 0.29, 0.22, 0.17], acc = [0.61, 0.83, 0.9, 0.93, 0.95], vl = [0.52, 0.36, 0.31, 0.3, 0.32], va = [0.78, 0.86, 0.88, 0.885, 0.88];
        for (int e = 0; e < loss.Length; e++)
            h.OnEpochEnd(e, new Dictionary<string, double> { ["loss"] = loss[e], ["accuracy"] = acc[e], ["val_loss"] = vl[e], ["val_accuracy"] = va[e] });
        return h;
    }

    private static XElement Parse(GenericChart chart, string name)
    {
        string svg = ChartSvg.Render(chart);
        string dir = Environment.GetEnvironmentVariable("NNN_PAGES_DIR") is { Length: > 0 } d ? d : Path.Combine(Path.GetTempPath(), "notebooknn-pages");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, name + ".svg"), svg);
        return XElement.Parse(svg);
    }

    private static double A(XElement e, string name) => double.Parse(e.Attribute(name)!.Value, CultureInfo.InvariantCulture);

    /// <summary>The linear map pixel → value that a panel's tick labels define (first and last label).</summary>
    private static Func<double, double> Inverse(XElement panel, string cls, string coordinate)
    {
        var ticks = panel.Elements(Ns + "text").Where(t => (string?)t.Attribute("class") == cls).ToList();
        Assert.True(ticks.Count >= 2, $"{cls}: at least two ticks");
        double p0 = A(ticks[0], coordinate), p1 = A(ticks[^1], coordinate);
        if (coordinate == "y") { p0 -= 4; p1 -= 4; } // labels sit 4 px below their tick's line
        double v0 = double.Parse(ticks[0].Value, CultureInfo.InvariantCulture), v1 = double.Parse(ticks[^1].Value, CultureInfo.InvariantCulture);
        return p => v0 + (p - p0) / (p1 - p0) * (v1 - v0);
    }

    private static List<(double X, double Y)> Points(XElement polyline) =>
        [.. polyline.Attribute("points")!.Value.Split(' ').Select(p => p.Split(','))
            .Select(p => (double.Parse(p[0], CultureInfo.InvariantCulture), double.Parse(p[1], CultureInfo.InvariantCulture)))];

    private static void AssertNiceTicks(XElement panel, string cls, IEnumerable<double> data)
    {
        var ticks = panel.Elements(Ns + "text").Where(t => (string?)t.Attribute("class") == cls).Select(t => double.Parse(t.Value, CultureInfo.InvariantCulture)).ToList();
        Assert.InRange(ticks.Count, 2, 12);
        double step = ticks[1] - ticks[0];
        double mantissa = step / Math.Pow(10, Math.Floor(Math.Log10(step)));
        Assert.Contains(Math.Round(mantissa, 6), new[] { 1.0, 2, 5 });
        for (int i = 1; i < ticks.Count; i++) Assert.Equal(step, ticks[i] - ticks[i - 1], 9);
        Assert.True(ticks[0] <= data.Min() + step && ticks[^1] >= data.Max() - step, $"{cls} ticks {string.Join(",", ticks)} cover the data");
    }

    [Fact]
    public void History_plot_picture_draws_every_series_where_its_axes_put_it()
    {
        var h = Sample();
        var svg = Parse(h.Plot().WithTitle("Training curves"), "history-plot");
        var panels = svg.Elements(Ns + "g").Where(g => (string?)g.Attribute("class") == "panel").ToList();
        Assert.Equal(2, panels.Count);
        string[][] series = [["loss", "val_loss"], ["accuracy", "val_accuracy"]];
        for (int p = 0; p < 2; p++)
        {
            var toX = Inverse(panels[p], "xtick", "x");
            var toY = Inverse(panels[p], "ytick", "y");
            var traces = panels[p].Descendants(Ns + "g").Where(g => (string?)g.Attribute("class") == "trace").ToList();
            Assert.Equal(series[p], traces.Select(t => (string?)t.Attribute("data-name")));
            foreach (var t in traces)
            {
                var values = h.History[(string)t.Attribute("data-name")!];
                var points = Points(t.Element(Ns + "polyline")!);
                Assert.Equal(values.Count, points.Count);
                for (int i = 0; i < points.Count; i++)
                {
                    Assert.Equal(i + 1, toX(points[i].X), 2);
                    Assert.Equal(values[i], toY(points[i].Y), 2);
                }
                Assert.Equal(values.Count, t.Elements(Ns + "circle").Count()); // a marker at each epoch
            }
            AssertNiceTicks(panels[p], "ytick", series[p].SelectMany(k => h.History[k]));
            Assert.Equal(["1", "2", "3", "4", "5"], panels[p].Elements(Ns + "text").Where(t => (string?)t.Attribute("class") == "xtick").Select(t => t.Value)); // dtick 1
            Assert.Equal("Epoch", panels[p].Elements(Ns + "text").Single(t => (string?)t.Attribute("class") == "xtitle").Value);
        }
        Assert.Equal("Training curves", svg.Elements(Ns + "text").Single(t => (string?)t.Attribute("class") == "title").Value);
        Assert.Equal(["loss", "accuracy"], svg.Elements(Ns + "text").Where(t => (string?)t.Attribute("class") == "annotation").Select(t => t.Value));
        var left = A(panels[0].Element(Ns + "rect")!.Parent!.Elements(Ns + "rect").Single(r => (string?)r.Attribute("class") == "frame"), "x");
        var right = A(panels[1].Elements(Ns + "rect").Single(r => (string?)r.Attribute("class") == "frame"), "x");
        Assert.True(right > left + 200, "the second panel is beside the first");
    }

    [Fact]
    public void Plt_picture_keeps_format_styles_legend_and_gaps()
    {
        var f = new PltFigure();
        f.Plot(new[] { 1, 2, 3, 4 }, new[] { 10.0, 7, double.NaN, 2 }, "r--", label: "Validation <loss> & more");
        f.Plot(new[] { 1, 2, 3, 4 }, new[] { 9.0, 6, 4, 3 }, "bo", label: "Training loss");
        f.Title("Training and validation loss").XLabel("Epochs").YLabel("Loss").Legend();
        var svg = Parse(f.ToChart(), "plt-chart");
        var panel = svg.Elements(Ns + "g").Single(g => (string?)g.Attribute("class") == "panel");
        var traces = panel.Descendants(Ns + "g").Where(g => (string?)g.Attribute("class") == "trace").ToList();
        var dashed = traces[0].Elements(Ns + "polyline").ToList();
        Assert.Equal(2, dashed.Count); // the NaN splits the line
        Assert.All(dashed, l => Assert.Equal("#ff0000", (string?)l.Attribute("stroke")));
        Assert.All(dashed, l => Assert.Equal("7,4", (string?)l.Attribute("stroke-dasharray")));
        Assert.Empty(traces[1].Elements(Ns + "polyline")); // "bo": markers only
        Assert.Equal(4, traces[1].Elements(Ns + "circle").Count(c => (string?)c.Attribute("fill") == "#0000ff"));
        var toY = Inverse(panel, "ytick", "y");
        Assert.Equal(2, toY(Points(dashed[1])[0].Y), 2);
        AssertNiceTicks(panel, "ytick", [10, 7, 2, 9, 6, 4, 3]);
        AssertNiceTicks(panel, "xtick", [1, 4]);
        var legend = panel.Elements(Ns + "g").Single(g => (string?)g.Attribute("class") == "legend");
        Assert.Equal(["Validation <loss> & more", "Training loss"], legend.Elements(Ns + "text").Select(t => t.Value));
        Assert.Equal("Loss", panel.Elements(Ns + "text").Single(t => (string?)t.Attribute("class") == "ytitle").Value);
        Assert.Contains("Validation &lt;loss&gt; &amp; more", ChartSvg.Render(f.ToChart())); // escaped, not markup
    }

    [Fact]
    public void Chart_html_carries_the_picture_inside_the_div_plotly_replaces()
    {
        var t = new Trace2D("scatter");
        t.SetProperty("x", new[] { 1, 2, 3 });
        t.SetProperty("y", new[] { 1, 4, 9 });
        t.SetProperty("name", "</script><b>x");
        string html = ChartHtml.ToHtml(GenericChart.ofTraceObject(true, t), embedPlotly: false);
        int div = html.IndexOf("<div id=\"nnn-", StringComparison.Ordinal), svg = html.IndexOf("<svg", StringComparison.Ordinal), end = html.IndexOf("</div>", StringComparison.Ordinal);
        Assert.True(div >= 0 && div < svg && svg < end, "the SVG sits inside the chart's div");
        Assert.Contains("el.innerHTML='';P.newPlot(el,", html);
        Assert.DoesNotContain("</script><b>", html);
        XElement.Parse(html[svg..end]); // well-formed
    }
}
