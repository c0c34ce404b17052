using Microsoft.DotNet.Interactive.Events;

namespace NotebookNN.Kernel.Tests;

/// <summary>A bad call surfaces in the notebook as the cell's failure with the library's Keras-style message.</summary>
[Collection(KernelCollection.Name)]
public class ErrorTests(TinyModelKernel kernel) : IClassFixture<TinyModelKernel>
{
    [Fact]
    public async Task A_bad_call_fails_the_cell_with_the_Keras_style_message()
    {
        var events = await kernel.Loaded.Session.SubmitAsync("model.Fit(Tensor.Zeros([4, 3]), y, epochs: 1, verbose: 0);");
        var failed = Assert.Single(events.OfType<CommandFailed>());
        string first = failed.Message.Split('\n')[0];
        Assert.Matches(@"^System\.ArgumentException: Input 0 of layer ""(sequential|dense)(_\d+)?"" is incompatible with the layer: expected .*2.*, (found|but received input with) shape.*3\)", first);
    }
}
