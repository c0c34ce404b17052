using System.Text.Json;
using NotebookNN.Callbacks;
using NotebookNN.Plotting;
using Plotly.NET;
using Plotly.NET.CSharp;

namespace NotebookNN.Tests.Plotting;

/// <summary>Charts shaped from C#: history.Plot's arguments, WithTitle / WithXLabel / WithYLabel, and Plotly.NET.CSharp's styles on our charts.</summary>
public class ShapedChartTests
{
    private static History Sample()
    {
        var h = new History();
        h.OnTrainBegin(new Dictionary<string, double>());
        for (int e = 0; e < 3; e++)
            h.OnEpochEnd(e, new Dictionary<string, double> { ["loss"] = 1.0 / (e + 1), ["accuracy"] = 0.5 + 0.1 * e, ["val_loss"] = 1.2 / (e + 1), ["val_accuracy"] = 0.45 + 0.1 * e });
        return h;
    }

    private static JsonElement Layout(GenericChart c) => JsonDocument.Parse(GenericChart.toFigureJson(c)).RootElement.GetProperty("layout");
    private static JsonElement Data(GenericChart c) => JsonDocument.Parse(GenericChart.toFigureJson(c)).RootElement.GetProperty("data");
    private static string? AxisTitle(JsonElement layout, string axis) => layout.GetProperty(axis).GetProperty("title").GetProperty("text").GetString();

    [Fact]
    public void History_plot_takes_a_title_axis_labels_and_lines_without_markers()
    {
        var chart = Sample().Plot(["loss"], title: "Training and validation loss", xLabel: "Epochs", yLabel: "Loss", markers: false);
        var layout = Layout(chart);
        Assert.Equal("Training and validation loss", layout.GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("Epochs", AxisTitle(layout, "xaxis"));
        Assert.Equal("Loss", AxisTitle(layout, "yaxis"));
        Assert.All(Data(chart).EnumerateArray(), t => Assert.Equal("lines", t.GetProperty("mode").GetString()));
        Assert.Equal(["loss", "val_loss"], Data(chart).EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        // The old calls still mean what they meant.
        Assert.Equal(["accuracy", "val_accuracy"], Data(Sample().Plot("accuracy")).EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(4, Data(Sample().Plot()).GetArrayLength());
        Assert.Equal("Epoch", AxisTitle(Layout(Sample().Plot(title: "All")), "xaxis2"));
    }

    [Fact]
    public void WithTitle_and_axis_labels_shape_any_chart_and_leave_the_original_alone()
    {
        var original = Sample().Plot();
        var shaped = original.WithTitle("Curves").WithXLabel("Epochs").WithYLabel("Value");
        var layout = Layout(shaped);
        Assert.Equal("Curves", layout.GetProperty("title").GetProperty("text").GetString());
        foreach (var axis in new[] { "xaxis", "xaxis2" }) Assert.Equal("Epochs", AxisTitle(layout, axis));
        foreach (var axis in new[] { "yaxis", "yaxis2" }) Assert.Equal("Value", AxisTitle(layout, axis));
        Assert.Equal(1, layout.GetProperty("xaxis2").GetProperty("dtick").GetInt32()); // the rest of the axis is kept
        Assert.False(Layout(original).TryGetProperty("title", out _));
        Assert.Equal("Epoch", AxisTitle(Layout(original), "xaxis"));
    }

    [Fact]
    public void Plotly_NET_CSharp_styles_apply_to_history_plots_from_CSharp()
    {
        var chart = Sample().Plot("loss")
            .WithSize(Width: 500, Height: 300)
            .WithXAxisStyle<double, double, string>(TitleText: "Epochs")
            .WithYAxisStyle<double, double, string>(MinMax: Tuple.Create(0.0, 1.5));
        var layout = Layout(chart);
        Assert.Equal(500, layout.GetProperty("width").GetInt32());
        Assert.Equal(300, layout.GetProperty("height").GetInt32());
        Assert.Equal([0.0, 1.5], layout.GetProperty("yaxis").GetProperty("range").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal("loss", AxisTitle(layout, "yaxis"));
        Assert.Equal("Epochs", AxisTitle(layout, "xaxis"));
        Assert.Equal(1, layout.GetProperty("xaxis").GetProperty("dtick").GetInt32()); // styled on top of HistoryPlot's axis, not instead of it
    }
}
