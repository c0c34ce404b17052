using Plotly.NET;
using NotebookNN.Display;

namespace NotebookNN.Plotting;

/// <summary>
/// matplotlib's <c>pyplot</c> for porting a tutorial line by line: one current <see cref="PltFigure"/> that
/// <c>Plt.Plot(epochs, loss, "bo", label: "Training loss")</c>, <c>Plt.Title</c>, <c>Plt.XLabel</c>, <c>Plt.YLabel</c>
/// and <c>Plt.Legend()</c> draw on, and <c>Plt.Show()</c> displays (then starts a new one). In a notebook end the
/// cell with <c>Plt.Show();</c>, or make <c>Plt.Gcf()</c> the cell's last value to show the figure as a chart.
/// </summary>
public static class Plt
{
    private static PltFigure _current = new();

    /// <summary><c>plt.figure(figsize=(w, h))</c>: starts a new current figure, <paramref name="figsize"/> in inches.</summary>
    public static PltFigure Figure((double Width, double Height)? figsize = null) =>
        _current = figsize is var (w, h) ? new PltFigure(w, h) : new PltFigure();

    /// <summary><c>plt.plot(y, fmt)</c> on the current figure.</summary>
    /// <param name="y">The values (array, list, IEnumerable of numbers or 1-D Tensor), drawn against 0, 1, 2, ….</param>
    /// <param name="fmt">matplotlib format string, e.g. <c>"bo"</c>, <c>"b"</c>, <c>"r--"</c>.</param>
    /// <param name="label">The line's name in the legend.</param>
    /// <param name="color">A CSS colour overriding the format string's.</param>
    public static void Plot(object y, string fmt = "", string? label = null, string? color = null) => _current.Plot(y, fmt, label, color);

    /// <summary><c>plt.plot(x, y, fmt)</c> on the current figure, e.g. <c>Plt.Plot(epochs, loss, "bo", label: "Training loss")</c>.</summary>
    /// <param name="x">The x values.</param>
    /// <param name="y">The y values, as many as x.</param>
    /// <param name="fmt">matplotlib format string, e.g. <c>"bo"</c>, <c>"b"</c>, <c>"r--"</c>.</param>
    /// <param name="label">The line's name in the legend.</param>
    /// <param name="color">A CSS colour overriding the format string's.</param>
    public static void Plot(object x, object y, string fmt = "", string? label = null, string? color = null) => _current.Plot(x, y, fmt, label, color);

    /// <summary><c>plt.title(text)</c>.</summary>
    public static void Title(string text) => _current.Title(text);
    /// <summary><c>plt.xlabel(text)</c>.</summary>
    public static void XLabel(string text) => _current.XLabel(text);
    /// <summary><c>plt.ylabel(text)</c>.</summary>
    public static void YLabel(string text) => _current.YLabel(text);
    /// <summary><c>plt.legend()</c>.</summary>
    public static void Legend() => _current.Legend();
    /// <summary><c>plt.clf()</c>: clears the current figure.</summary>
    public static void Clf() => _current.Clear();
    /// <summary><c>plt.gcf()</c>: the current figure as a chart (a cell's last value shows it).</summary>
    public static GenericChart Gcf() => _current.ToChart();

    /// <summary>
    /// <c>plt.show()</c>: displays the current figure (in a notebook through the kernel; elsewhere its one-line
    /// description on the console) and starts a new one. A figure with nothing plotted shows nothing, as in matplotlib.
    /// </summary>
    public static void Show()
    {
        var figure = _current;
        _current = new PltFigure();
        if (figure.LineCount == 0) return;
        var chart = figure.ToChart();
        if (DisplayHook.Display is { } display) display(chart);
        else Console.WriteLine(ChartText.Describe(chart));
    }
}
