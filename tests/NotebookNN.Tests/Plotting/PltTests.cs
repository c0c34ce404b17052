using System.Text.Json;
using NotebookNN.Callbacks;
using NotebookNN.Plotting;
using Plotly.NET;
using NotebookNN.Display;

namespace NotebookNN.Tests.Plotting;

/// <summary>The Keras tutorial's pyplot lines, ported literally to C# with <see cref="Plt"/>.</summary>
[Collection("DisplayHook")]
public class PltTests
{
    private static JsonElement Figure(GenericChart chart) => JsonDocument.Parse(GenericChart.toFigureJson(chart)).RootElement;

    private static History TrainedHistory()
    {
        var h = new History();
        h.OnTrainBegin(new Dictionary<string, double>());
        double[] loss = [0.52, 0.31, 0.24, 0.19], val = [0.38, 0.30, 0.28, 0.29];
        for (int e = 0; e < loss.Length; e++) h.OnEpochEnd(e, new Dictionary<string, double> { ["loss"] = loss[e], ["val_loss"] = val[e] });
        return h;
    }

    [Fact]
    public void The_keras_tutorial_loss_plot_ported_line_by_line_shows_one_chart_on_Show()
    {
        var history = TrainedHistory();
        var shown = new List<object>();
        DisplayHook.Display = v => { shown.Add(v); return _ => { }; };
        try
        {
            Plt.Clf();
            // The tutorial's cell, as a newcomer writes it in C#:
            var loss = history.History["loss"];
            var val_loss = history.History["val_loss"];
            var epochs = Enumerable.Range(1, loss.Count);
            Plt.Plot(epochs, loss, "bo", label: "Training loss");
            Plt.Plot(epochs, val_loss, "b", label: "Validation loss");
            Plt.Title("Training and validation loss");
            Plt.XLabel("Epochs");
            Plt.YLabel("Loss");
            Plt.Legend();
            Plt.Show();
        }
        finally { DisplayHook.Display = null; }

        var chart = Assert.IsAssignableFrom<GenericChart>(Assert.Single(shown));
        var fig = Figure(chart);
        var data = fig.GetProperty("data");
        Assert.Equal(2, data.GetArrayLength());
        Assert.Equal("markers", data[0].GetProperty("mode").GetString());
        Assert.Equal("#0000ff", data[0].GetProperty("marker").GetProperty("color").GetString());
        Assert.Equal("lines", data[1].GetProperty("mode").GetString());
        Assert.Equal("#0000ff", data[1].GetProperty("line").GetProperty("color").GetString());
        Assert.Equal([1.0, 2, 3, 4], data[0].GetProperty("x").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal(history.History["val_loss"], data[1].GetProperty("y").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal(["Training loss", "Validation loss"], data.EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        var layout = fig.GetProperty("layout");
        Assert.Equal("Training and validation loss", layout.GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("Epochs", layout.GetProperty("xaxis").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("Loss", layout.GetProperty("yaxis").GetProperty("title").GetProperty("text").GetString());
        Assert.True(layout.GetProperty("showlegend").GetBoolean());
        Assert.Equal(640, layout.GetProperty("width").GetInt32()); // matplotlib's 6.4 × 4.8 inches
        // Show started a new figure: the next plot is alone on it, and an empty figure shows nothing.
        Assert.Equal(0, Figure(Plt.Gcf()).GetProperty("data").GetArrayLength());
        DisplayHook.Display = v => { shown.Add(v); return _ => { }; };
        try { Plt.Show(); } finally { DisplayHook.Display = null; }
        Assert.Single(shown);
    }

    [Fact]
    public void Gcf_is_the_current_figure_as_a_chart_and_Figure_sets_its_size()
    {
        Plt.Figure(figsize: (10, 4));
        Plt.Plot(new[] { 3.0, 1, 2 });
        var fig = Figure(Plt.Gcf());
        Assert.Equal(1000, fig.GetProperty("layout").GetProperty("width").GetInt32());
        Assert.Equal(400, fig.GetProperty("layout").GetProperty("height").GetInt32());
        var t = fig.GetProperty("data")[0];
        Assert.Equal([0.0, 1, 2], t.GetProperty("x").EnumerateArray().Select(v => v.GetDouble())); // x omitted: 0, 1, 2, … as matplotlib
        Assert.Equal("#1f77b4", t.GetProperty("line").GetProperty("color").GetString()); // C0
        Assert.False(t.GetProperty("showlegend").GetBoolean()); // unlabelled lines stay out of the legend
        Plt.Clf();
        Assert.Equal(0, Figure(Plt.Gcf()).GetProperty("data").GetArrayLength());
    }

    [Fact]
    public void A_figure_as_a_cells_value_shows_as_its_chart()
    {
        var figure = new PltFigure().Plot(new[] { 1, 2, 3 }, new[] { 0.5, 0.3, 0.2 }, "bo", label: "Training loss").Title("Loss").Legend();
        string html = Microsoft.DotNet.Interactive.Formatting.Formatter.ToDisplayString(figure, "text/html");
        Assert.Contains("newPlot(", html);
        Assert.Contains("<svg", html);
        Assert.Equal("Chart \"Loss\": Training loss (3 points)", Microsoft.DotNet.Interactive.Formatting.Formatter.ToDisplayString(figure, "text/plain"));
    }

    [Fact]
    public void Every_kind_of_series_plots_the_same_numbers()
    {
        double[] expected = [1, 2, 3];
        object[] forms = [new[] { 1.0, 2, 3 }, new[] { 1f, 2f, 3f }, new[] { 1, 2, 3 }, new List<double> { 1, 2, 3 },
            Enumerable.Range(1, 3).Select(i => (double)i), new[] { 1L, 2, 3 }, Tensor.From(new float[] { 1, 2, 3 })];
        foreach (var y in forms)
            Assert.Equal(expected, Figure(new PltFigure().Plot(y).ToChart()).GetProperty("data")[0].GetProperty("y").EnumerateArray().Select(v => v.GetDouble()));
    }

    [Fact]
    public void Bad_series_are_refused_with_what_was_expected()
    {
        var ex = Assert.Throws<ArgumentException>(() => new PltFigure().Plot(new[] { 1.0, 2, 3 }, new[] { 1.0, 2 }, "bo"));
        Assert.StartsWith("x and y must have same first dimension, but have shapes (3,) and (2,)", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => new PltFigure().Plot(Tensor.Zeros(new[] { 2, 3 })));
        Assert.Contains("must be a 1-D tensor. Received: shape=(2, 3)", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => new PltFigure().Plot(new[] { "a", "b" }, "bo"));
        Assert.Contains("must be a sequence of numbers", ex.Message);
        Assert.Contains("Received: String[]", ex.Message);
    }
}
