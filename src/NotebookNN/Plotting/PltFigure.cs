using System.Globalization;
using Plotly.NET;

namespace NotebookNN.Plotting;

/// <summary>
/// A matplotlib figure with one set of axes: lines added by <see cref="Plot(object, object, string, string, string)"/>
/// with matplotlib's format strings, a title, axis labels and a legend, drawn as a Plotly.NET chart by
/// <see cref="ToChart"/>. <see cref="Plt"/> keeps the current one, as <c>pyplot</c> does. As a cell's last value it
/// shows as its chart.
/// </summary>
public sealed partial class PltFigure
{
    private readonly List<Trace> _lines = [];
    private int _cycle;
    private string? _title, _xLabel, _yLabel;
    private bool _legend;

    /// <summary>A figure of <paramref name="width"/> × <paramref name="height"/> inches (matplotlib's figsize; 100 pixels an inch).</summary>
    public PltFigure(double width = 6.4, double height = 4.8)
    {
        if (!(width > 0 && height > 0))
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"figure size must be positive finite not ({width}, {height})"), nameof(width));
        Width = (int)Math.Round(width * 100);
        Height = (int)Math.Round(height * 100);
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }
    /// <summary>Height in pixels.</summary>
    public int Height { get; }
    /// <summary>Number of lines plotted.</summary>
    public int LineCount => _lines.Count;

    /// <summary><c>plot(y, fmt)</c>: <paramref name="y"/> against 0, 1, 2, ….</summary>
    /// <param name="y">The values (array, list, IEnumerable of numbers or 1-D Tensor).</param>
    /// <param name="fmt">matplotlib format string, e.g. <c>"bo"</c>, <c>"b"</c>, <c>"r--"</c>.</param>
    /// <param name="label">The line's name in the legend.</param>
    /// <param name="color">A CSS colour overriding the format string's.</param>
    public PltFigure Plot(object y, string fmt = "", string? label = null, string? color = null)
    {
        var ys = SeriesValues.From(y, nameof(y));
        return Add([.. Enumerable.Range(0, ys.Length).Select(i => (double)i)], ys, fmt, label, color);
    }

    /// <summary><c>plot(x, y, fmt)</c>, e.g. <c>Plot(epochs, loss, "bo", label: "Training loss")</c>.</summary>
    /// <param name="x">The x values.</param>
    /// <param name="y">The y values, as many as x.</param>
    /// <param name="fmt">matplotlib format string, e.g. <c>"bo"</c>, <c>"b"</c>, <c>"r--"</c>.</param>
    /// <param name="label">The line's name in the legend.</param>
    /// <param name="color">A CSS colour overriding the format string's.</param>
    public PltFigure Plot(object x, object y, string fmt = "", string? label = null, string? color = null)
    {
        var xs = SeriesValues.From(x, nameof(x));
        var ys = SeriesValues.From(y, nameof(y));
        SeriesValues.SameLength(xs, ys);
        return Add(xs, ys, fmt, label, color);
    }

    /// <summary><c>title(text)</c>.</summary>
    public PltFigure Title(string text) { _title = text; return this; }
    /// <summary><c>xlabel(text)</c>.</summary>
    public PltFigure XLabel(string text) { _xLabel = text; return this; }
    /// <summary><c>ylabel(text)</c>.</summary>
    public PltFigure YLabel(string text) { _yLabel = text; return this; }
    /// <summary><c>legend()</c>: shows the labelled lines' names.</summary>
    public PltFigure Legend() { _legend = true; return this; }

    /// <summary><c>clf()</c>: removes the lines, title, labels and legend.</summary>
    public PltFigure Clear()
    {
        _lines.Clear(); _cycle = 0; _title = _xLabel = _yLabel = null; _legend = false;
        return this;
    }

    /// <summary>The figure as a Plotly.NET chart (shapeable further, e.g. with Plotly.NET.CSharp's <c>WithSize</c>).</summary>
    public GenericChart ToChart()
    {
        var layout = new Layout();
        layout.SetProperty("width", Width);
        layout.SetProperty("height", Height);
        layout.SetProperty("showlegend", _legend);
        layout.SetProperty("xaxis", Axis(_xLabel));
        layout.SetProperty("yaxis", Axis(_yLabel));
        if (_title is not null) layout.SetProperty("title", ChartExtensions.TitleOf(_title));
        return GenericChart.addLayout(layout, GenericChart.ofTraceObjects(true, new List<Trace>(_lines)));
    }

    private static Plotly.NET.LayoutObjects.LinearAxis Axis(string? label)
    {
        var axis = new Plotly.NET.LayoutObjects.LinearAxis();
        if (label is not null) axis.SetProperty("title", ChartExtensions.TitleOf(label));
        return axis;
    }

    private PltFigure Add(double[] x, double[] y, string fmt, string? label, string? color)
    {
        var format = PlotFormat.Parse(fmt);
        // matplotlib advances its colour cycle only for lines that name no colour
        string c = color ?? format.Color ?? PlotFormat.Cycle[_cycle++ % PlotFormat.Cycle.Count];
        _lines.Add(PlotTrace.Create(x, y, format, c, label));
        return this;
    }
}
