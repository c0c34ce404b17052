using Microsoft.DotNet.Interactive.Events;

namespace NotebookNN.Kernel.Tests;

[Collection(KernelCollection.Name)]
public class ExtensionTests
{
    private const string TinyFit = """
        using NotebookNN; using NotebookNN.Layers;
        NotebookNN.Utils.SetRandomSeed(1);
        var x = Tensor.From(new float[,] { { 0, 0 }, { 0, 1 }, { 1, 0 }, { 1, 1 } });
        var y = Tensor.From(new float[] { 0, 1, 1, 0 });
        var model = new Sequential([new Dense(8, activation: "relu", inputShape: [2]), new Dense(1, activation: "sigmoid")]);
        model.Compile(loss: "binary_crossentropy", optimizer: "adam", metrics: ["accuracy"]);
        var history = model.Fit(x, y, epochs: 3, verbose: 0);
        """;

    [Fact]
    public async Task Package_loads_and_its_extension_runs_without_error()
    {
        using var session = await KernelSession.StartAsync();
        var events = await session.SubmitAsync(PackedPackage.Instance.ReferenceCell);
        Cells.Succeeded(events);
        Assert.Contains(events.OfType<DisplayedValueProduced>(), e => e.FormattedValues.Any(v => v.Value.Contains("NotebookNN is loaded")));
    }

    [Fact]
    public async Task History_shows_as_a_chart_with_plain_text_beside_it()
    {
        using var session = await KernelSession.StartAsync();
        Cells.Succeeded(await session.SubmitAsync(PackedPackage.Instance.ReferenceCell));
        Cells.Succeeded(await session.SubmitAsync(TinyFit));
        var events = await session.SubmitAsync("history");
        Cells.Succeeded(events);
        var shown = Cells.Result(events);
        Assert.Contains("newPlot", Cells.Value(shown, "text/html"));
        Assert.Contains("loss", Cells.Value(shown, "text/plain"));
    }
}
