using System.Globalization;
using System.Text.Json;
using static NotebookNN.Plotting.FigureJson;
using Plotly.NET;

namespace NotebookNN.Plotting;

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
        string? title = Title(Obj(root, "layout"));
        return "Chart" + (string.IsNullOrEmpty(title) ? "" : $" \"{title}\"") + ": "
            + (traces.Count == 0 ? "no traces" : string.Join(", ", traces));
    }

    /// <summary>A trace's name (else its type), with the length of its x (else y) values.</summary>
    private static string Trace(JsonElement trace)
    {
        string name = Str(trace, "name") ?? Str(trace, "type") ?? "trace";
        int points = Length(trace, "x") ?? Length(trace, "y") ?? 0;
        return points == 0 ? name : string.Create(CultureInfo.InvariantCulture, $"{name} ({points} point{(points == 1 ? "" : "s")})");
    }
}
