namespace NotebookNN.Kernel.Tests;

/// <summary>Plotly.NET.Interactive (Plotly.NET's own kernel extension) and NotebookNN in one notebook, in either order.</summary>
[Collection(KernelCollection.Name)]
public class ChartTests
{
    private const string PlotlyInteractive = "#r \"nuget: Plotly.NET.Interactive, 6.0.0\"";

    private const string AnyChart = """
        var trace = new Plotly.NET.Trace2D("scatter");
        trace.SetProperty("x", new[] { 1, 2, 3 }); trace.SetProperty("y", new[] { 1, 4, 9 });
        Plotly.NET.GenericChart.ofTraceObject(true, trace)
        """;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Charts_draw_with_Plotly_NET_Interactive_loaded_before_or_after(bool plotlyFirst)
    {
        using var session = await KernelSession.StartAsync();
        string[] loads = plotlyFirst ? [PlotlyInteractive, PackedPackage.Instance.ReferenceCell] : [PackedPackage.Instance.ReferenceCell, PlotlyInteractive];
        foreach (var cell in loads) Cells.Succeeded(await session.SubmitAsync(cell));
        Cells.Succeeded(await session.SubmitAsync(Fixtures.TinyModel));
        foreach (var cell in (string[])[AnyChart, "history.Plot()", "history"])
        {
            var events = await session.SubmitAsync(cell);
            Cells.Succeeded(events);
            string html = Cells.Value(Cells.Result(events), "text/html");
            Assert.Contains("newPlot", html);
            Assert.Contains("\"type\":\"scatter\"", html);
        }
    }
}
