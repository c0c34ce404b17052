using System.Xml.Linq;
using Microsoft.DotNet.Interactive.Events;

namespace NotebookNN.Kernel.Tests;

/// <summary>Charts shaped from C# in the released kernel: the Keras tutorial's pyplot lines with Plt, a shaped history plot, Plotly.NET.CSharp's styles, and the static SVG every chart carries.</summary>
[Collection(KernelCollection.Name)]
public class ShapedChartTests(TinyModelKernel kernel) : IClassFixture<TinyModelKernel>
{
    private const string TutorialLossPlot = """
        using NotebookNN.Plotting;
        var fitted = model.Fit(x, y, epochs: 3, validationData: (x, y), verbose: 0);
        var historyDict = fitted.History;
        var lossValues = historyDict["loss"];
        var valLossValues = historyDict["val_loss"];
        var epochs = Enumerable.Range(1, lossValues.Count);
        Plt.Plot(epochs, lossValues, "bo", label: "Training loss");
        Plt.Plot(epochs, valLossValues, "b", label: "Validation loss");
        Plt.Title("Training and validation loss");
        Plt.XLabel("Epochs");
        Plt.YLabel("Loss");
        Plt.Legend();
        Plt.Show();
        """;

    [Fact]
    public async Task The_tutorial_pyplot_cell_ending_in_Show_shows_one_chart_with_its_picture()
    {
        var events = await kernel.Loaded.RunAsync(TutorialLossPlot);
        Cells.Succeeded(events);
        Assert.Empty(events.OfType<ReturnValueProduced>());
        var shown = Assert.Single(Cells.Displays(events));
        string html = Cells.Value(shown, "text/html");
        Assert.Contains("newPlot", html);
        Assert.Contains("\"name\":\"Training loss\"", html);
        Assert.Contains("<svg", html); // the picture plotly.js replaces
        Assert.Contains("<polyline", Cells.Value(shown, "image/svg+xml")); // and the picture alone, for viewers without HTML
        Assert.Contains("Chart \"Training and validation loss\": Training loss (3 points), Validation loss (3 points)", Cells.Value(shown, "text/plain"));
        // Show started a new figure: the figure is empty, and its chart is the cell's one value.
        var next = Cells.Displays(await kernel.Loaded.RunAsync("Plt.Gcf()"));
        Assert.Contains("Chart: no traces", Cells.Value(Assert.Single(next), "text/plain"));
    }

    [Fact]
    public async Task A_shaped_history_plot_carries_html_svg_and_text()
    {
        var events = await kernel.Loaded.RunAsync("""
            using NotebookNN.Plotting;
            using Plotly.NET.CSharp;
            history.Plot(["loss"], xLabel: "Epochs", markers: false).WithTitle("Training and validation loss").WithSize(Width: 500, Height: 300)
            """);
        Cells.Succeeded(events);
        var result = Cells.Result(events);
        Assert.Contains("newPlot", Cells.Value(result, "text/html"));
        Assert.StartsWith("Chart \"Training and validation loss\": loss (3 points)", Cells.Value(result, "text/plain"));
        var svg = XElement.Parse(Cells.Value(result, "image/svg+xml"));
        Assert.Equal("500", (string?)svg.Attribute("width"));
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Contains(svg.Descendants(ns + "text"), t => t.Value == "Training and validation loss");
        Assert.Contains(svg.Descendants(ns + "text"), t => t.Value == "Epochs");
        Assert.Single(svg.Descendants(ns + "polyline"));
    }

    [Fact]
    public async Task A_bad_format_string_fails_the_cell_with_matplotlibs_message()
    {
        var events = await kernel.Loaded.Session.SubmitAsync("NotebookNN.Plotting.Plt.Plot(new[] { 1.0, 2 }, \"bq\");");
        var failed = Assert.Single(events.OfType<CommandFailed>());
        Assert.StartsWith("System.ArgumentException: 'bq' is not a valid format string (unrecognized character 'q').", failed.Message);
    }
}
