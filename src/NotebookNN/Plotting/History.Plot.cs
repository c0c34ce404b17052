using NotebookNN.Plotting;
using Plotly.NET;

namespace NotebookNN.Callbacks;

public partial class History
{
    /// <summary>
    /// The training curves as a Plotly.NET chart: one panel per metric (<c>loss</c> first), each with the training
    /// values and the validation ones (<c>val_…</c>) by epoch, as the tutorials plot them. With no
    /// <paramref name="metrics"/>, every recorded metric is shown. The result is an ordinary <see cref="GenericChart"/>.
    /// </summary>
    /// <param name="metrics">Metric names without the <c>val_</c> prefix, e.g. <c>"loss", "accuracy"</c>.</param>
    public GenericChart Plot(params string[] metrics) => HistoryPlot.Create(this, metrics);
}
