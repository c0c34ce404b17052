using Microsoft.DotNet.Interactive.Formatting;
using NotebookNN.Callbacks;
using Plotly.NET;
using NotebookNN.Plotting;

namespace NotebookNN.Tests.Plotting;

[Collection("DisplayHook")] // shares ChartHtml's process-wide Offline switch
public class HistoryPlotTests
{
    [Fact]
    public void Offline_embeds_plotly_once_per_session()
    {
        var chart = Sample().Plot();
        NotebookNN.Formatting.ChartHtml.Offline = true;
        NotebookNN.Formatting.ChartHtml.ResetEmbedded();
        try
        {
            var first = NotebookNN.Formatting.ChartHtml.ToHtml(chart);
            var second = NotebookNN.Formatting.ChartHtml.ToHtml(chart);
            Assert.True(first.Length > 1_000_000, "the first chart carries plotly.js");
            Assert.True(second.Length < 100_000, "later charts reuse window.Plotly");
        }
        finally { NotebookNN.Formatting.ChartHtml.Offline = false; }
        Assert.True(NotebookNN.Formatting.ChartHtml.ToHtml(chart).Length < 100_000);
    }

    private static History Sample()
    {
        var h = new History();
        h.OnTrainBegin(new Dictionary<string, double>());
        double[] loss = [0.9, 0.5, 0.3], acc = [0.6, 0.8, 0.9], vl = [1.0, 0.6, 0.45], va = [0.55, 0.75, 0.85];
        for (int e = 0; e < 3; e++)
            h.OnEpochEnd(e, new Dictionary<string, double> { ["loss"] = loss[e], ["accuracy"] = acc[e], ["val_loss"] = vl[e], ["val_accuracy"] = va[e] });
        return h;
    }

    private static Dictionary<string, (int[] X, double[] Y, string XAxis)> Series(GenericChart c) =>
        GenericChart.getTraces(c).ToDictionary(t => (string)t.GetPropertyValue("name"),
            t => ((int[])t.GetPropertyValue("x"), (double[])t.GetPropertyValue("y"), (string)t.GetPropertyValue("xaxis")));

    [Fact]
    public void Chart_series_carry_the_history_values_one_panel_per_metric()
    {
        var h = Sample();
        var s = Series(h.Plot());
        Assert.Equal(["loss", "val_loss", "accuracy", "val_accuracy"], s.Keys);
        foreach (var (k, v) in s)
        {
            Assert.Equal([1, 2, 3], v.X);
            Assert.Equal(h.History[k], v.Y);
        }
        Assert.Equal("x", s["loss"].XAxis);
        Assert.Equal("x", s["val_loss"].XAxis);
        Assert.Equal("x2", s["accuracy"].XAxis);
        Assert.Equal("x2", s["val_accuracy"].XAxis);
    }

    [Fact]
    public void Few_epochs_get_a_tick_per_epoch_many_get_plotlys_ticks()
    {
        static System.Text.Json.JsonElement Layout(History h) =>
            System.Text.Json.JsonDocument.Parse(GenericChart.toFigureJson(h.Plot())).RootElement.GetProperty("layout");
        var few = Layout(Sample()); // 3 epochs, two panels
        foreach (var axis in new[] { "xaxis", "xaxis2" })
        {
            Assert.Equal(1, few.GetProperty(axis).GetProperty("dtick").GetInt32());
            Assert.Equal(1, few.GetProperty(axis).GetProperty("tick0").GetInt32());
        }
        var h = new History();
        h.OnTrainBegin(new Dictionary<string, double>());
        for (int e = 0; e < 30; e++) h.OnEpochEnd(e, new Dictionary<string, double> { ["loss"] = 1.0 / (e + 1) });
        Assert.False(Layout(h).GetProperty("xaxis").TryGetProperty("dtick", out _));
    }

    [Fact]
    public void Selected_metrics_only_and_unknown_metric_is_named()
    {
        var h = Sample();
        Assert.Equal(["accuracy", "val_accuracy"], Series(h.Plot("accuracy")).Keys);
        var ex = Assert.Throws<ArgumentException>(() => h.Plot("auc"));
        Assert.Contains("'auc'", ex.Message);
        Assert.Contains("val_accuracy", ex.Message);
    }

    [Fact]
    public void History_formats_as_chart_html_with_its_values()
    {
        var html = Sample().ToDisplayString("text/html");
        Assert.Contains("newPlot(", html);
        Assert.Contains("\"y\":[0.9,0.5,0.3]", html);
        Assert.Contains("cdn.plot.ly/plotly-2.28.0.min", html); // default: CDN through require.js
        Assert.DoesNotContain("</script><script", html.Split("newPlot")[1].Split("</script>")[0]);
    }

    [Fact]
    public void Chart_html_cannot_be_closed_by_a_name_and_offline_embeds_plotly()
    {
        var t = new Trace2D("scatter");
        t.SetProperty("name", "</script><b>x&y");
        var chart = GenericChart.ofTraceObject(true, t);
        var html = NotebookNN.Formatting.ChartHtml.ToHtml(chart, embedPlotly: false);
        Assert.DoesNotContain("</script><b>", html);
        Assert.Contains("\\u003c/script\\u003e", html);
        var page = NotebookNN.Formatting.ChartHtml.ToStandalonePage(chart);
        Assert.True(page.Length > 1_000_000, "plotly.js is embedded");
        Assert.Contains("window.Plotly", page);
    }
}
