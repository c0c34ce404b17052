using NotebookNN.Callbacks;
using NotebookNN.Compute.Image;
using NotebookNN.Layers;
using NotebookNN.Metrics;
using NotebookNN.Registries;

namespace NotebookNN.Tests.Registries;

/// <summary>Keras's strings parsed once into the library's enums: every Keras spelling, case ignored, and a bad string's error.</summary>
public class EnumParsingTests
{
    [Theory]
    [InlineData("valid", Padding.Valid)]
    [InlineData("same", Padding.Same)]
    [InlineData("SAME", Padding.Same)]
    public void PaddingTakesKerasStrings(string given, Padding expected) => Assert.Equal(expected, KerasEnum.Parse<Padding>(given, "padding"));

    [Fact]
    public void EveryEnumMemberHasItsKerasString()
    {
        Assert.Equal(["valid", "same"], Enum.GetValues<Padding>().Select(KerasEnum.Name));
        Assert.Equal(["reflect", "wrap", "constant", "nearest"], Enum.GetValues<FillMode>().Select(KerasEnum.Name));
        Assert.Equal(["linear", "log", "reverse_log"], Enum.GetValues<Sampling>().Select(KerasEnum.Name));
        Assert.Equal(["auto", "min", "max"], Enum.GetValues<MonitorMode>().Select(KerasEnum.Name));
        Assert.Equal(["min", "max"], Enum.GetValues<MetricDirection>().Select(KerasEnum.Name));
        foreach (var m in Enum.GetValues<FillMode>()) Assert.Equal(m, KerasEnum.Parse<FillMode>(KerasEnum.Name(m), "fill_mode"));
    }

    [Fact]
    public void ABadStringNamesTheArgumentWhatCameAndWhatIsValid()
    {
        Assert.Equal("Invalid value for argument `padding`. Received: padding=full. Expected one of: valid, same.",
            Assert.Throws<ArgumentException>(() => KerasEnum.Parse<Padding>("full", "padding")).Message);
        Assert.Equal("Invalid value for argument `fill_mode`. Received: fill_mode=mirror. Expected one of: reflect, wrap, constant, nearest.",
            Assert.Throws<ArgumentException>(() => KerasEnum.Parse<FillMode>("mirror", "fill_mode")).Message);
        Assert.Equal("Invalid value for argument `padding`. Received: padding=sam. Expected one of: valid, same. Did you mean 'same'?",
            Assert.Throws<ArgumentException>(() => KerasEnum.Parse<Padding>("sam", "padding")).Message);
        Assert.Equal("padding", Assert.Throws<ArgumentNullException>(() => KerasEnum.Parse<Padding>(null!, "padding")).ParamName);
    }

    [Fact]
    public void TheLibrarysStringArgumentsRefuseBadValuesInThatForm()
    {
        Assert.Equal("Invalid value for argument `mode`. Received: mode=up. Expected one of: auto, min, max.",
            Assert.Throws<ArgumentException>(() => new EarlyStopping(mode: "up")).Message);
        Assert.Equal("Invalid value for argument `mode`. Received: mode=maximum. Expected one of: auto, min, max.",
            Assert.Throws<ArgumentException>(() => new ModelCheckpoint("m.keras", mode: "maximum")).Message);
        Assert.Equal("Invalid value for argument `mode`. Received: mode=mni. Expected one of: auto, min, max.",
            Assert.Throws<ArgumentException>(() => new ReduceLROnPlateau(mode: "mni")).Message);
        Assert.Equal("Invalid value for argument `sampling` of c. Received: sampling=cubic. Expected one of: linear, log, reverse_log.",
            Assert.Throws<ArgumentException>(() => new HyperParameters().Float("c", 1, 2, sampling: "cubic")).Message);
        Assert.Equal("Invalid value for argument `direction`. Received: direction=up. Expected one of: min, max.",
            Assert.Throws<ArgumentException>(() => new RandomSearch(_ => null!, objective: "val_loss", direction: "up")).Message);
        Assert.Equal("Padding type \"middle\" not understood. Expected one of: pre, post.",
            Assert.Throws<ArgumentException>(() => Utils.PadSequences([[1]], padding: "middle")).Message);
        Assert.Equal("Truncating type \"both\" not understood. Expected one of: pre, post.",
            Assert.Throws<ArgumentException>(() => Utils.PadSequences([[1]], truncating: "both")).Message);
    }

    [Fact]
    public void ParsedSettingsAreKeptTyped()
    {
        var hp = new HyperParameters();
        hp.Float("lr", 1e-4, 1e-1, sampling: "LOG");
        hp.Int("units", 1, 64, sampling: "reverse_log");
        Assert.Equal(Sampling.Log, ((FloatHyperParameter)hp.Space[0]).Sampling);
        Assert.Equal(Sampling.ReverseLog, ((IntHyperParameter)hp.Space[1]).Sampling);
        Assert.Equal("Float [0.0001, 0.1], log", hp.Space[0].SpaceText);
        Assert.Equal(MetricDirection.Max, new Objective("val_auc", "MAX").Direction);
        Assert.Equal("Objective(name=\"val_auc\", direction=\"max\")", new Objective("val_auc", MetricDirection.Max).Summary);
    }

    [Fact]
    public void ScikitLearnsSgdSchedulesParseAndReadBackAsItsStrings()
    {
        foreach (var schedule in new[] { "optimal", "constant", "invscaling", "adaptive" })
            Assert.Equal(schedule, new SGDClassifier(learningRate: schedule, eta0: 0.1).GetParams()["learning_rate"]);
        Assert.Equal("The 'learning_rate' parameter of SGDClassifier must be a str among {'optimal', 'constant', 'invscaling', 'adaptive'}. Got 'cyclic' instead.",
            Assert.Throws<ArgumentException>(() => new SGDClassifier(learningRate: "cyclic")).Message);
    }

    [Theory]
    [InlineData("Dense", "dense")]
    [InlineData("InputLayer", "input_layer")]
    [InlineData("SGD", "sgd")]
    [InlineData("Conv2D", "conv2d")]
    [InlineData("ReverseLog", "reverse_log")]
    [InlineData("MaxPooling2D", "max_pooling2d")]
    public void SnakeCaseIsKerassSpelling(string pascal, string snake) => Assert.Equal(snake, SnakeCase.Of(pascal));
}
