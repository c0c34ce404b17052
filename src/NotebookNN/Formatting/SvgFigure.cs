using System.Text.Json;
using static NotebookNN.Plotting.FigureJson;
using System.Text.RegularExpressions;
using NotebookNN.Plotting;

namespace NotebookNN.Formatting;

/// <summary>One scatter trace of a chart as the SVG renderer draws it.</summary>
internal sealed record SvgTrace(double[] X, double[] Y, bool Lines, bool Markers, string Color, string Dash, string Symbol,
    double MarkerSize, string? Name, bool InLegend, string XAxis, string YAxis);

/// <summary>One axis: its title, a fixed range or none, fixed ticks (tick0, dtick) or none, and its domain in the paper.</summary>
internal sealed record SvgAxis(string? Title, (double Lo, double Hi)? Range, double? Tick0, double? DTick, double D0, double D1);

/// <summary>A text placed on the paper (Plotly's paper-referenced annotation).</summary>
internal sealed record SvgText(string Text, bool Bold, double X, double Y, string XAnchor, string YAnchor);

/// <summary>
/// What <see cref="ChartSvg"/> draws, read from a chart's figure JSON (<c>GenericChart.toFigureJson</c>): size,
/// margins, title, axes laid out on the subplot grid, traces, paper annotations and whether a legend is shown.
/// Plotly's defaults fill in what the figure leaves unset.
/// </summary>
internal sealed partial record SvgFigure(int Width, int Height, double Left, double Right, double Top, double Bottom,
    string? Title, IReadOnlyDictionary<string, SvgAxis> Axes, IReadOnlyList<SvgTrace> Traces, IReadOnlyList<SvgText> Texts, bool? ShowLegend)
{
    public static SvgFigure Read(string figureJson)
    {
        using var doc = JsonDocument.Parse(figureJson);
        var root = doc.RootElement;
        var layout = root.TryGetProperty("layout", out var l) && l.ValueKind == JsonValueKind.Object ? l : default;
        var data = root.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Array ? d.EnumerateArray().ToList() : [];
        var traces = data.Where(t => (Str(t, "type") ?? "scatter") == "scatter").Select((t, i) => Trace(t, i)).ToList();
        var margin = Obj(layout, "margin");
        var axisNames = traces.SelectMany(t => new[] { "x" + t.XAxis[1..], "y" + t.YAxis[1..] }).Append("x").Append("y").Distinct().ToList();
        var grid = Obj(layout, "grid");
        var axes = axisNames.ToDictionary(n => n, n => Axis(Obj(layout, n[0] + "axis" + n[1..]), n, grid));
        return new SvgFigure(
            (int)(Num(layout, "width") ?? 700), (int)(Num(layout, "height") ?? 450),
            Num(margin, "l") ?? 80, Num(margin, "r") ?? 80, Num(margin, "t") ?? 100, Num(margin, "b") ?? 80,
            TitleText(layout), axes, traces, Annotations(layout), Bool(layout, "showlegend"));
    }

    private static SvgTrace Trace(JsonElement t, int index)
    {
        var y = Numbers(t, "y");
        var x = t.TryGetProperty("x", out _) ? Numbers(t, "x") : [.. Enumerable.Range(0, y.Length).Select(i => (double)i)];
        string mode = Str(t, "mode") ?? (y.Length < 20 ? "lines+markers" : "lines");
        var line = Obj(t, "line");
        var marker = Obj(t, "marker");
        string color = Str(line, "color") ?? Str(marker, "color") ?? PlotFormat.Cycle[index % PlotFormat.Cycle.Count];
        return new SvgTrace(x, y, mode.Contains("lines"), mode.Contains("markers"), color, Str(line, "dash") ?? "solid",
            Str(marker, "symbol") ?? "circle", Num(marker, "size") ?? 6, Str(t, "name"), Bool(t, "showlegend") != false,
            Str(t, "xaxis") ?? "x", Str(t, "yaxis") ?? "y");
    }

    /// <summary>An axis with its domain: its own, else its cell of an independent grid (row-major, top row first), else the whole paper.</summary>
    private static SvgAxis Axis(JsonElement a, string name, JsonElement grid)
    {
        (double, double)? range = a.ValueKind == JsonValueKind.Object && a.TryGetProperty("range", out var r) && r.ValueKind == JsonValueKind.Array
            && r.GetArrayLength() == 2 && r[0].ValueKind == JsonValueKind.Number && r[1].ValueKind == JsonValueKind.Number
            ? (r[0].GetDouble(), r[1].GetDouble()) : null;
        var (d0, d1) = Domain(a, name, grid);
        return new SvgAxis(TitleText(a), range, Num(a, "tick0"), Num(a, "dtick"), d0, d1);
    }

    private static (double, double) Domain(JsonElement a, string name, JsonElement grid)
    {
        if (a.ValueKind == JsonValueKind.Object && a.TryGetProperty("domain", out var dm) && dm.ValueKind == JsonValueKind.Array && dm.GetArrayLength() == 2)
            return (dm[0].GetDouble(), dm[1].GetDouble());
        int rows = (int)(Num(grid, "rows") ?? 1), cols = (int)(Num(grid, "columns") ?? 1);
        int k = name.Length > 1 ? int.Parse(name[1..], System.Globalization.CultureInfo.InvariantCulture) - 1 : 0;
        if (rows * cols <= 1 || k >= rows * cols) return (0, 1);
        bool x = name[0] == 'x';
        int n = x ? cols : rows, cell = x ? k % cols : rows - 1 - k / cols; // y domains count from the bottom
        double gap = Num(grid, x ? "xgap" : "ygap") ?? (x ? 0.2 : 0.3), step = 1 / (n - gap);
        return (cell * step, cell * step + step * (1 - gap));
    }

    private static List<SvgText> Annotations(JsonElement layout) =>
        layout.ValueKind == JsonValueKind.Object && layout.TryGetProperty("annotations", out var a) && a.ValueKind == JsonValueKind.Array
            ? [.. a.EnumerateArray().Where(n => Str(n, "xref") == "paper" && Str(n, "yref") == "paper" && Str(n, "text") is not null)
                .Select(n => new SvgText(Plain(Str(n, "text")!), Str(n, "text")!.Contains("<b>"), Num(n, "x") ?? 0.5, Num(n, "y") ?? 0.5,
                    Str(n, "xanchor") ?? "center", Str(n, "yanchor") ?? "middle"))]
            : [];

    /// <summary>Plotly's rich text (<c>&lt;b&gt;</c>, <c>&lt;br&gt;</c>, entities) as plain text.</summary>
    internal static string Plain(string rich) => System.Net.WebUtility.HtmlDecode(Tags().Replace(rich.Replace("<br>", " "), ""));

    private static string? TitleText(JsonElement e) => FigureJson.Title(e) is { } s ? Plain(s) : null;

    private static double[] Numbers(JsonElement e, string key) =>
        e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Array
            ? [.. v.EnumerateArray().Select(n => n.ValueKind == JsonValueKind.Number ? n.GetDouble() : double.NaN)] : [];

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
