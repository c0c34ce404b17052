using Plotly.NET;
using NotebookNN.Models;

namespace NotebookNN.Plotting;

/// <summary>A <see cref="History"/>'s training curves (<c>history.Plot()</c>).</summary>
public static class HistoryPlotExtensions
{
    /// <summary>
    /// The training curves as a Plotly.NET chart: one panel per metric (<c>loss</c> first), each with the training
    /// values and the validation ones (<c>val_…</c>) by epoch, as the tutorials plot them. With no
    /// <paramref name="metrics"/>, every recorded metric is shown. The result is an ordinary <see cref="GenericChart"/>.
    /// </summary>
    /// <param name="history">The history <c>Fit</c> returned.</param>
    /// <param name="metrics">Metric names without the <c>val_</c> prefix, e.g. <c>"loss", "accuracy"</c>.</param>
    public static GenericChart Plot(this History history, params string[] metrics) => HistoryPlot.Create(history, metrics, new HistoryPlotStyle());

    /// <summary>
    /// The training curves shaped as a tutorial draws them, e.g.
    /// <c>history.Plot(["loss"], title: "Training and validation loss", yLabel: "Loss")</c>.
    /// </summary>
    /// <param name="history">The history <c>Fit</c> returned.</param>
    /// <param name="metrics">Metric names without the <c>val_</c> prefix; null or empty for every recorded metric.</param>
    /// <param name="title">The chart's title (matplotlib's <c>plt.title</c>).</param>
    /// <param name="xLabel">Every panel's x-axis label (default <c>Epoch</c>).</param>
    /// <param name="yLabel">Every panel's y-axis label (default: the panel's metric).</param>
    /// <param name="markers">Draw a marker at each epoch (default) or lines alone.</param>
    public static GenericChart Plot(this History history, IEnumerable<string>? metrics = null, string? title = null, string? xLabel = null, string? yLabel = null, bool markers = true) =>
        HistoryPlot.Create(history, [.. metrics ?? []], new HistoryPlotStyle(title, xLabel, yLabel, markers));
}
