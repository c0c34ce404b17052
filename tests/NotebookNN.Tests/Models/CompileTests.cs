using NotebookNN.Layers;
using NotebookNN.Losses;
using NotebookNN.Metrics;
using MaeLoss = NotebookNN.Losses.MeanAbsoluteError;
using MseLoss = NotebookNN.Losses.MeanSquaredError;
using NotebookNN.Optimizers;
using NotebookNN.Tests.Functional;

namespace NotebookNN.Tests.Models;

/// <summary>
/// The four <c>Compile</c> forms share one body: each refuses bad arguments with its message and leaves the model as it
/// was, and each replaces every setting an earlier form made (as calling keras.Model.compile again does).
/// </summary>
public class CompileTests
{
    private static Model TwoOutputs() => WideAndDeepData.Functional();

    [Fact]
    public void EachFormRefusesWhatItCannotCompileWithItsMessage()
    {
        var model = new Sequential().Add(new Dense(1, inputShape: [2]));
        Assert.Equal("Compile needs a loss, e.g. loss: \"mse\" or loss: \"sparse_categorical_crossentropy\". Received: loss=null",
            Assert.Throws<ArgumentException>(() => model.Compile(optimizer: "sgd")).Message);
        Assert.Equal("Compile needs at least one loss. Received: loss=[]",
            Assert.Throws<ArgumentException>(() => TwoOutputs().Compile(new SGD(), loss: Array.Empty<Loss>())).Message);
        Assert.Equal("Compile needs at least one loss. Received: loss={}",
            Assert.Throws<ArgumentException>(() => TwoOutputs().Compile(new SGD(), loss: new Dictionary<string, Loss>())).Message);
        Assert.Equal("Found two metrics with the same name: mae. All the metrics added to the model need to have unique names.",
            Assert.Throws<ArgumentException>(() => model.Compile(loss: "mse", metrics: ["mae", "mae"])).Message);
        Assert.Equal("Found two metrics with the same name: mae. All the metrics added to the model need to have unique names.",
            Assert.Throws<ArgumentException>(() => TwoOutputs().Compile(new SGD(), loss: ["mse", "mse"], metrics: ["mae", "mae"])).Message);
        Assert.Equal("Found two metrics with the same name: loss. All the metrics added to the model need to have unique names.",
            Assert.Throws<ArgumentException>(() => model.Compile(loss: "mse", metrics: [new NotebookNN.Metrics.MeanAbsoluteError(name: "loss")])).Message);
        Assert.Equal("lossWeights", Assert.Throws<ArgumentNullException>(() => TwoOutputs().Compile(new SGD(), loss: "mse", lossWeights: null!)).ParamName);
        Assert.False(model.IsCompiled);
    }

    [Fact]
    public void ARefusedCompileKeepsTheEarlierOne()
    {
        var model = TwoOutputs();
        var optimizer = new Adam();
        model.Compile(optimizer, loss: ["mse", "mae"], lossWeights: [0.9, 0.1], metrics: ["mae"]);
        var heads = model.Heads(2);
        Assert.Throws<ArgumentException>(() => model.Compile(new SGD(), loss: "mse", metrics: ["mae", "mae"]));
        Assert.Throws<ArgumentException>(() => model.Compile(new SGD(), loss: Array.Empty<Loss>()));
        Assert.Same(optimizer, model.Optimizer);
        Assert.Equal(["mae"], model.Metrics.Select(m => m.Name));
        Assert.Same(heads, model.Heads(2));
        Assert.Equal([0.9, 0.1], model.Heads(2).Weights);
    }

    [Fact]
    public void EachFormReplacesEverySettingOfTheEarlierOne()
    {
        var model = TwoOutputs();
        model.Compile(new SGD(), loss: ["mse", "mae"], lossWeights: [0.9, 0.1], metrics: ["mae"],
            outputMetrics: new Dictionary<string, IEnumerable<Metric>> { ["aux_output"] = ["mse"] });
        var heads = model.Heads(2);
        Assert.Equal(["main_output", "aux_output"], heads.Names);
        Assert.IsType<MseLoss>(heads.Losses[0]);
        Assert.IsType<MaeLoss>(heads.Losses[1]);
        Assert.Equal([0.9, 0.1], heads.Weights);
        Assert.Equal(new[] { new[] { "mae" }, ["mae", "mse"] }, heads.Metrics.Select(m => m.Select(x => x.Name).ToArray()));

        model.Compile(new SGD(), loss: "mae"); // the single form: one loss for each output, weight 1, no metrics
        heads = model.Heads(2);
        Assert.All(heads.Losses, l => Assert.IsType<MaeLoss>(l));
        Assert.Equal([1.0, 1.0], heads.Weights);
        Assert.All(heads.Metrics, Assert.Empty);
        var (losses, weights, metrics) = model.CompileSettings();
        Assert.Equal("\"mean_absolute_error\"", losses.ToJsonString());
        Assert.Null(weights);
        Assert.Empty(metrics);

        model.Compile(new SGD(), loss: new Dictionary<string, Loss> { ["aux_output"] = "mse", ["main_output"] = "mae" },
            lossWeights: new Dictionary<string, double> { ["aux_output"] = 0.2 });
        heads = model.Heads(2);
        Assert.IsType<MaeLoss>(heads.Losses[0]);
        Assert.IsType<MseLoss>(heads.Losses[1]);
        Assert.Equal([1.0, 0.2], heads.Weights);
        Assert.Equal("{\"aux_output\":\"mean_squared_error\",\"main_output\":\"mean_absolute_error\"}", model.CompileSettings().Losses.ToJsonString());

        model.Compile(new SGD(), loss: "mse", lossWeights: [0.7, 0.3], metrics: ["mae"]);
        heads = model.Heads(2);
        Assert.All(heads.Losses, l => Assert.IsType<MseLoss>(l));
        Assert.Equal([0.7, 0.3], heads.Weights);
        Assert.Equal(new[] { new[] { "mae" }, ["mae"] }, heads.Metrics.Select(m => m.Select(x => x.Name).ToArray()));
        Assert.NotSame(heads.Metrics[0][0], heads.Metrics[1][0]); // each output has its own metric state
        Assert.Equal("[0.7,0.3]", model.CompileSettings().Weights!.ToJsonString());
    }
}
