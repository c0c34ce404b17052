using Microsoft.DotNet.Interactive.Events;

namespace NotebookNN.Kernel.Tests;

/// <summary>Every value in the README's table, as a cell's last value in the released kernel: both MIME types, real content.</summary>
[Collection(KernelCollection.Name)]
public class DisplayTests(TinyModelKernel kernel) : IClassFixture<TinyModelKernel>
{
    private async Task<(string Html, string Text)> Show(string code)
    {
        var shown = Cells.Result(await kernel.Loaded.RunAsync(code));
        return (Cells.Value(shown, "text/html"), Cells.Value(shown, "text/plain"));
    }

    [Fact]
    public async Task Summary_is_a_table_and_Keras_text()
    {
        var (html, text) = await Show("model.Summary()");
        Assert.Contains("<table", html);
        Assert.Contains("Total params: 33", text); // 2·8 + 8 + 8·1 + 1
        Assert.Matches(@"dense(_\d+)? \(Dense\)", text);
        var (modelHtml, modelText) = await Show("model");
        Assert.Contains("<table", modelHtml);
        Assert.Equal(text, modelText);
    }

    [Fact]
    public async Task History_and_its_plot_are_charts_with_a_text_line()
    {
        foreach (string cell in (string[])["history", "history.Plot(\"loss\", \"accuracy\")"])
        {
            var (html, text) = await Show(cell);
            Assert.Contains("newPlot", html);
            Assert.Contains("\"type\":\"scatter\"", html);
            Assert.Contains("loss", text);
        }
    }

    [Fact]
    public async Task Any_Plotly_chart_draws_with_a_text_line()
    {
        var (html, text) = await Show("var trace = new Plotly.NET.Trace2D(\"scatter\"); trace.SetProperty(\"name\", \"squares\"); trace.SetProperty(\"x\", new[] { 1, 2, 3 }); trace.SetProperty(\"y\", new[] { 1, 4, 9 });\nPlotly.NET.GenericChart.ofTraceObject(true, trace)");
        Assert.Contains("newPlot", html);
        Assert.Contains("[1,4,9]", html);
        Assert.Contains("squares", text);
    }

    [Fact]
    public async Task Tensor_is_a_preview_table_and_numpy_text()
    {
        var (html, text) = await Show("Tensor.From(new float[,] { { 1, 2 }, { 3, 4 } })");
        Assert.Contains("<table", html);
        Assert.Contains("(2, 2)", html);
        Assert.Equal("array([[1., 2.],\n       [3., 4.]], dtype=float32)", text);
    }

    [Fact]
    public async Task Images_are_a_grid()
    {
        var (html, text) = await Show("NotebookNN.Plotting.Plot.Images(Tensor.Zeros([3, 4, 4]), cmap: \"gray\", columns: 3)");
        Assert.Contains("<img", html);
        Assert.Contains("3 images", text);
        var (one, _) = await Show("NotebookNN.Plotting.Plot.Image(Tensor.Zeros([4, 4]))");
        Assert.Contains("<img", one);
    }

    [Fact]
    public async Task Evaluation_is_a_row_and_Keras_list()
    {
        var (html, text) = await Show("model.Evaluate(x, y, verbose: 0)");
        Assert.Contains("<table", html);
        Assert.Matches(@"^\[\d+\.\d+, \d+\.\d+\]$", text); // [loss, accuracy], as Keras's evaluate returns
    }

    [Fact]
    public async Task Layer_and_symbolic_tensor_show_their_repr()
    {
        var (html, text) = await Show("model.Layers[0]");
        Assert.Contains("<table", html);
        Assert.Matches(@"^<Dense name=dense(_\d+)?, built=True>", text);
        var (inputHtml, inputText) = await Show("new Input(shape: [8])");
        Assert.Contains("KerasTensor", inputHtml);
        Assert.StartsWith("<KerasTensor shape=(None, 8)", inputText);
    }

    [Fact]
    public async Task Tuner_results_and_best_values_are_tables()
    {
        await kernel.Loaded.RunAsync(Fixtures.TinySearch);
        var (html, text) = await Show("tuner.Results");
        Assert.Contains("<table", html);
        Assert.Contains("units", text);
        var (bestHtml, bestText) = await Show("tuner.BestHyperParameters");
        Assert.Contains("Int [2, 8]", bestHtml);
        Assert.Contains("units", bestText);
    }

    [Fact]
    public async Task Classification_report_is_a_table_and_sklearn_text()
    {
        var (html, text) = await Show("Sklearn.ClassificationReport(Tensor.From(new float[] { 0, 1, 1 }), Tensor.From(new float[] { 0, 1, 0 }))");
        Assert.Contains("<table", html);
        Assert.Contains("precision    recall  f1-score   support", text);
    }
}
