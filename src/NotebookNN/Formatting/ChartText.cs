using System.Globalization;
using System.Text.Json;
using Plotly.NET;

namespace NotebookNN.Formatting;

/// <summary>
/// The plain-text form of a Plotly.NET <see cref="GenericChart"/> (what a notebook keeps beside the HTML, for viewers
/// that do not draw it): one line naming the chart's title and its traces with their point counts, e.g.
/// <c>Chart: loss (30 points), val_loss (30 points)</c>, instead of a dump of the chart object.
/// </summary>
public static class ChartText
{
    /// <summary>The one-line description of <paramref name="chart"/>.</summary>
    public static string Describe(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        using var doc = JsonDocument.Parse(GenericChart.toFigureJson(chart));
        var root = doc.RootElement;
        var traces = root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array
            ? data.EnumerateArray().Select(Trace).ToList() : [];
        string? title = root.TryGetProperty("layout", out var layout) && layout.ValueKind == JsonValueKind.Object
            && layout.TryGetProperty("title", out var t) ? Title(t) : null;
        return "Chart" + (string.IsNullOrEmpty(title) ? "" : $" \"{title}\"") + ": "
            + (traces.Count == 0 ? "no traces" : string.Join(", ", traces));
    }

    private static string? Title(JsonElement t) =>
        t.ValueKind == JsonValueKind.String ? t.GetString()
        : t.ValueKind == JsonValueKind.Object && t.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString()
        : null;

    /// <summary>A trace's name (else its type), with the length of its x (else y) values.</summary>
    private static string Trace(JsonElement trace)
    {
        string name = Text(trace, "name") ?? Text(trace, "type") ?? "trace";
        int points = Length(trace, "x") ?? Length(trace, "y") ?? 0;
        return points == 0 ? name : string.Create(CultureInfo.InvariantCulture, $"{name} ({points} point{(points == 1 ? "" : "s")})");
    }

    private static string? Text(JsonElement e, string key) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Length(JsonElement e, string key) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Array ? v.GetArrayLength() : null;
}
