using Microsoft.DotNet.Interactive.Events;

namespace NotebookNN.Kernel.Tests;

/// <summary>A bad call surfaces in the notebook as the cell's failure with the library's Keras-style message.</summary>
[Collection(KernelCollection.Name)]
public class ErrorTests(ProgressTests.Kernel kernel) : IClassFixture<ProgressTests.Kernel>
{
    [Fact]
    public async Task A_bad_call_fails_the_cell_with_the_Keras_style_message()
    {
        var events = await kernel.Loaded.Session.SubmitAsync("model.Fit(Tensor.Zeros([4, 3]), y, epochs: 1, verbose: 0);");
        var failed = Assert.Single(events.OfType<CommandFailed>());
        // Layer names count up across the test process's kernels (dense, dense_1, ...): the other kernel tests build models too.
        Assert.Matches("^System.ArgumentException: Input 0 of layer \"dense(_\\d+)?\" is incompatible with the layer: "
            + "expected axis -1 of input shape to have value 2, but received input with shape \\(4, 3\\)", failed.Message);
    }
}
