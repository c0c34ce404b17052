using NotebookNN.Callbacks;
using NotebookNN.Layers;

namespace NotebookNN.Tests.Callbacks;

/// <summary>A call's params reach callbacks typed, read as Keras's dictionary too; params set as a dictionary are read once and checked.</summary>
public class CallbackParamsTests
{
    private sealed class Recorder : Callback;

    [Fact]
    public void FitHandsEveryCallbackTypedParamsThatReadAsKerassDictionary()
    {
        var model = new Sequential().Add(new Dense(1, inputShape: [2]));
        model.Compile(optimizer: "sgd", loss: "mse");
        var rec = new Recorder();
        model.Fit(Tensor.Ones(new Shape(10, 2)), Tensor.Ones(new Shape(10, 1)), batchSize: 4, epochs: 2, verbose: 0, callbacks: [rec]);
        var p = Assert.IsType<CallbackParams>(rec.Params);
        Assert.Equal((0, 2, 3), (p.Verbose, p.Epochs, p.Steps));
        Assert.Equal(["verbose", "epochs", "steps"], rec.Params.Keys);
        Assert.Equal(3, rec.Params["steps"]);
        Assert.Same(p, rec.Settings);
    }

    [Fact]
    public void ADictionaryIsReadOnceWithKerassDefaultsForWhatIsMissing()
    {
        var rec = new Recorder();
        var given = new Dictionary<string, object> { ["epochs"] = 5, ["extra"] = "kept" };
        rec.SetParams(given);
        Assert.Same(given, rec.Params);
        Assert.Equal((1, 5, 0), (rec.Settings.Verbose, rec.Settings.Epochs, rec.Settings.Steps));
    }

    [Fact]
    public void AParamThatIsNotAnIntIsNamed()
    {
        var e = Assert.Throws<ArgumentException>(() => new ProgbarLogger().SetParams(new Dictionary<string, object> { ["epochs"] = 2.5 }));
        Assert.Equal("The callback param `epochs` must be an int. Received: epochs=2.5 (Double).", e.Message);
    }
}
