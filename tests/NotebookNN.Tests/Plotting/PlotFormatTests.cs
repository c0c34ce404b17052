using System.Text.Json;
using NotebookNN.Plotting;
using Plotly.NET;

namespace NotebookNN.Tests.Plotting;

/// <summary>
/// matplotlib format strings read as matplotlib 3.6 reads them (Fixtures/plot_formats.json, made by
/// make_plot_formats.py): each format's line style, marker and colour, drawn as the Plotly trace's mode, dash,
/// symbol and colour; invalid ones with matplotlib's message.
/// </summary>
public class PlotFormatTests
{
    private static JsonElement Fixture()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Fixtures", "plot_formats.json"))) dir = dir.Parent;
        return JsonDocument.Parse(File.ReadAllText(Path.Combine(dir!.FullName, "Fixtures", "plot_formats.json"))).RootElement;
    }

    // The contract between matplotlib's names and Plotly's (PlotTrace's table, written out independently here).
    private static readonly Dictionary<string, string> Dash = new() { ["-"] = "solid", ["--"] = "dash", ["-."] = "dashdot", [":"] = "dot" };
    private static readonly Dictionary<string, string> Symbol = new()
    {
        ["o"] = "circle", ["s"] = "square", ["^"] = "triangle-up", ["v"] = "triangle-down", ["<"] = "triangle-left", [">"] = "triangle-right",
        ["*"] = "star", ["+"] = "cross-thin", ["x"] = "x-thin", ["D"] = "diamond", ["d"] = "diamond-tall", ["p"] = "pentagon", ["h"] = "hexagon", ["."] = "circle",
    };

    private static JsonElement OnlyTrace(GenericChart chart) =>
        JsonDocument.Parse(GenericChart.toFigureJson(chart)).RootElement.GetProperty("data")[0];

    [Fact]
    public void Each_format_draws_matplotlibs_line_marker_and_color()
    {
        int checkedCases = 0;
        foreach (var c in Fixture().GetProperty("cases").EnumerateArray().Where(c => !c.TryGetProperty("error", out _)))
        {
            string fmt = c.GetProperty("fmt").GetString()!;
            var t = OnlyTrace(new PltFigure().Plot(new[] { 1.0, 2, 3 }, fmt).ToChart());
            string ls = c.GetProperty("linestyle").GetString()!, marker = c.GetProperty("marker").GetString()!, color = c.GetProperty("color").GetString()!;
            string mode = t.GetProperty("mode").GetString()!;
            Assert.True(mode.Contains("lines") == (ls != "None"), $"{fmt}: mode {mode}, matplotlib linestyle {ls}");
            Assert.True(mode.Contains("markers") == (marker != "None"), $"{fmt}: mode {mode}, matplotlib marker {marker}");
            var paint = ls != "None" ? t.GetProperty("line") : t.GetProperty("marker");
            string drawn = paint.GetProperty("color").GetString()!;
            Assert.True(drawn == color || drawn == fmt, $"{fmt}: color {drawn}, matplotlib {color}"); // CSS names ("red") pass through
            if (ls != "None") Assert.Equal(Dash[ls], t.GetProperty("line").GetProperty("dash").GetString());
            if (marker != "None") Assert.Equal(Symbol[marker], t.GetProperty("marker").GetProperty("symbol").GetString());
            checkedCases++;
        }
        Assert.True(checkedCases >= 30);
    }

    [Fact]
    public void Invalid_formats_get_matplotlibs_message_with_the_fix()
    {
        foreach (var c in Fixture().GetProperty("cases").EnumerateArray().Where(c => c.TryGetProperty("error", out _)))
        {
            string fmt = c.GetProperty("fmt").GetString()!;
            var ex = Assert.Throws<ArgumentException>(() => new PltFigure().Plot(new[] { 1.0, 2 }, fmt));
            Assert.StartsWith(c.GetProperty("error").GetString()! + ".", ex.Message);
            Assert.Contains("\"bo\" for blue circles", ex.Message);
            Assert.Equal("fmt", ex.ParamName);
        }
    }

    [Fact]
    public void The_color_cycle_advances_only_for_lines_without_a_color()
    {
        var cycle = Fixture().GetProperty("cycle_after");
        var f = new PltFigure();
        foreach (var fmt in cycle.GetProperty("fmts").EnumerateArray()) f.Plot(new[] { 1.0, 2 }, fmt.GetString()!);
        var data = JsonDocument.Parse(GenericChart.toFigureJson(f.ToChart())).RootElement.GetProperty("data");
        var colors = data.EnumerateArray().Select(t => (t.TryGetProperty("line", out var l) ? l : t.GetProperty("marker")).GetProperty("color").GetString());
        Assert.Equal(cycle.GetProperty("colors").EnumerateArray().Select(c => c.GetString()), colors);
    }
}
