using Plotly.NET;

namespace NotebookNN.Plotting;

/// <summary>One matplotlib line as a Plotly scatter trace: mode, colour, dash and marker symbol from its <see cref="PlotFormat"/>.</summary>
internal static class PlotTrace
{
    /// <summary>Plotly's symbol for each matplotlib marker (the closest shape Plotly has).</summary>
    private static readonly Dictionary<char, string> Symbols = new()
    {
        ['.'] = "circle", [','] = "square", ['o'] = "circle", ['v'] = "triangle-down", ['^'] = "triangle-up",
        ['<'] = "triangle-left", ['>'] = "triangle-right", ['1'] = "y-down", ['2'] = "y-up", ['3'] = "y-left",
        ['4'] = "y-right", ['8'] = "octagon", ['s'] = "square", ['p'] = "pentagon", ['P'] = "cross", ['*'] = "star",
        ['h'] = "hexagon", ['H'] = "hexagon2", ['+'] = "cross-thin", ['x'] = "x-thin", ['X'] = "x", ['D'] = "diamond",
        ['d'] = "diamond-tall", ['|'] = "line-ns", ['_'] = "line-ew",
    };

    /// <summary>Plotly's dash for each matplotlib line style.</summary>
    private static readonly Dictionary<string, string> Dashes = new() { ["-"] = "solid", ["--"] = "dash", ["-."] = "dashdot", [":"] = "dot" };

    /// <summary>Markers Plotly draws as strokes only (they need a marker line to show).</summary>
    private const string Stroked = "1234+x|_";

    public static Trace Create(double[] x, double[] y, PlotFormat format, string color, string? label)
    {
        var t = new Trace2D("scatter");
        t.SetProperty("x", x);
        t.SetProperty("y", y);
        bool lines = format.LineStyle is not null;
        t.SetProperty("mode", (lines, format.Marker) switch { (true, null) => "lines", (true, _) => "lines+markers", _ => "markers" });
        if (lines) t.SetProperty("line", new Dictionary<string, object> { ["color"] = color, ["dash"] = Dashes[format.LineStyle!], ["width"] = 2 });
        if (format.Marker is char m)
        {
            var marker = new Dictionary<string, object> { ["symbol"] = Symbols[m], ["color"] = color, ["size"] = m is '.' ? 4 : m is ',' ? 2 : 7 };
            if (Stroked.Contains(m)) marker["line"] = new Dictionary<string, object> { ["color"] = color, ["width"] = 1.5 };
            t.SetProperty("marker", marker);
        }
        if (label is not null) t.SetProperty("name", label);
        t.SetProperty("showlegend", label is not null);
        return t;
    }
}
