using System.Globalization;
using Plotly.NET;
using Plotly.NET.LayoutObjects;
using NotebookNN.Models;

namespace NotebookNN.Plotting;

/// <summary>How <see cref="HistoryPlotExtensions.Plot(History, IEnumerable{string}, string, string, string, bool)"/> shapes the curves.</summary>
/// <param name="Title">The chart's title, or null.</param>
/// <param name="XLabel">Every panel's x label (null: <c>Epoch</c>).</param>
/// <param name="YLabel">Every panel's y label (null: its metric).</param>
/// <param name="Markers">A marker at each epoch, or lines alone.</param>
internal sealed record HistoryPlotStyle(string? Title = null, string? XLabel = null, string? YLabel = null, bool Markers = true);

/// <summary>Builds <see cref="HistoryPlotExtensions.Plot(History, string[])"/>'s chart: Plotly scatter traces on a grid of independent axes.</summary>
internal static class HistoryPlot
{
    private const string TrainColor = "#1f77b4", ValColor = "#ff7f0e"; // matplotlib's C0 and C1

    public static GenericChart Create(History h, IReadOnlyList<string> metrics, HistoryPlotStyle style)
    {
        var names = metrics.Count > 0 ? metrics : DefaultMetrics(h);
        foreach (var m in names)
            if (!h.History.ContainsKey(m) && !h.History.ContainsKey("val_" + m))
                throw new ArgumentException($"Metric '{m}' is not in the history. Available: {string.Join(", ", h.History.Keys)}", nameof(metrics));
        if (names.Count == 0) throw new InvalidOperationException("The history has no recorded epochs to plot.");
        var traces = new List<Trace>();
        var layout = new Layout();
        for (int p = 0; p < names.Count; p++)
        {
            string axis = p == 0 ? "" : (p + 1).ToString(CultureInfo.InvariantCulture);
            foreach (var (key, color) in new[] { (names[p], TrainColor), ("val_" + names[p], ValColor) })
                if (h.History.TryGetValue(key, out var values)) traces.Add(Line(h, key, values, color, axis, style.Markers));
            layout.SetProperty("xaxis" + axis, EpochAxis(h.Epoch.Count, style.XLabel ?? "Epoch"));
            layout.SetProperty("yaxis" + axis, Axis(style.YLabel ?? names[p]));
        }
        layout.SetProperty("grid", new Dictionary<string, object> { ["rows"] = 1, ["columns"] = names.Count, ["pattern"] = "independent" });
        layout.SetProperty("annotations", names.Select((n, p) => Title(n, p, names.Count)).ToArray());
        layout.SetProperty("width", Math.Min(420 * names.Count, 1280));
        layout.SetProperty("height", 380);
        layout.SetProperty("margin", new Dictionary<string, object> { ["t"] = style.Title is null ? 50 : 80, ["b"] = 50 });
        if (style.Title is not null) layout.SetProperty("title", ChartExtensions.TitleOf(style.Title));
        return GenericChart.addLayout(layout, GenericChart.ofTraceObjects(true, traces));
    }

    /// <summary>Recorded metrics without their <c>val_</c> twins, <c>loss</c> first.</summary>
    private static List<string> DefaultMetrics(History h) =>
        [.. h.History.Keys.Select(k => k.StartsWith("val_", StringComparison.Ordinal) ? k[4..] : k).Distinct()
            .Where(k => k != "lr" && k != "learning_rate").OrderBy(k => k == "loss" ? 0 : 1)];

    private static Trace Line(History h, string name, List<double> values, string color, string axis, bool markers)
    {
        var t = new Trace2D("scatter");
        t.SetProperty("x", h.Epoch.Take(values.Count).Select(e => e + 1).ToArray());
        t.SetProperty("y", values.ToArray());
        t.SetProperty("name", name);
        t.SetProperty("mode", markers ? "lines+markers" : "lines");
        t.SetProperty("line", new Dictionary<string, object> { ["color"] = color });
        string group = name.StartsWith("val_", StringComparison.Ordinal) ? "validation" : "training";
        t.SetProperty("legendgroup", group);
        t.SetProperty("legendgrouptitle", new Dictionary<string, object> { ["text"] = group });
        t.SetProperty("xaxis", "x" + axis);
        t.SetProperty("yaxis", "y" + axis);
        return t;
    }

    /// <summary>The epoch axis: a tick at every epoch up to 10 epochs (Plotly's own ticks would fall between them,
    /// at 1.5 and 2.5), Plotly's choice above (whole numbers once the range is that wide).</summary>
    private static LinearAxis EpochAxis(int epochs, string title)
    {
        var axis = Axis(title);
        if (epochs <= 10) { axis.SetProperty("tick0", 1); axis.SetProperty("dtick", 1); }
        return axis;
    }

    /// <summary>Plotly.NET's own axis type, so Plotly.NET.CSharp's <c>WithXAxisStyle</c> adds to it rather than replacing it.</summary>
    private static LinearAxis Axis(string title)
    {
        var axis = new LinearAxis();
        axis.SetProperty("title", ChartExtensions.TitleOf(title));
        return axis;
    }

    private static Dictionary<string, object> Title(string text, int p, int n) => new()
    {
        ["text"] = $"<b>{System.Net.WebUtility.HtmlEncode(text)}</b>", ["showarrow"] = false, ["xref"] = "paper", ["yref"] = "paper",
        ["x"] = (p + 0.5) / n, ["y"] = 1.0, ["xanchor"] = "center", ["yanchor"] = "bottom",
    };
}
