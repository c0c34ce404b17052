using NotebookNN.Callbacks;
using NotebookNN.Layers;
using NotebookNN.Losses;
using NotebookNN.Metrics;
using NotebookNN.Optimizers;

namespace NotebookNN.Tests.Models;

/// <summary>Bad input to the model API fails early with Keras's message, naming what was expected and what was received.</summary>
public class BadInputTests
{
    private static Model Classifier(int features = 4, int classes = 3, string loss = "sparse_categorical_crossentropy") =>
        new Sequential()
            .Add(new Dense(8, activation: "relu", inputShape: [features]))
            .Add(new Dense(classes, activation: "softmax"))
            .Compile(optimizer: "sgd", loss: loss, metrics: ["accuracy"]);

    private static Tensor Ones(params int[] shape) => Tensor.Ones(new Shape(shape));

    [Fact]
    public void DifferentSampleCountsNameBothSizes()
    {
        var e = Assert.Throws<ArgumentException>(() => Classifier().Fit(Ones(10, 4), Tensor.Zeros(new Shape(9)), verbose: 0));
        Assert.Contains("Data cardinality is ambiguous", e.Message);
        Assert.Contains("x sizes: 10", e.Message);
        Assert.Contains("y sizes: 9", e.Message);
        Assert.Throws<ArgumentException>(() => Classifier().Evaluate(Ones(10, 4), Tensor.Zeros(new Shape(9)), verbose: 0));
        Assert.Throws<ArgumentException>(() => Classifier().TrainOnBatch(Ones(10, 4), Tensor.Zeros(new Shape(9))));
    }

    [Fact]
    public void FeaturesThatDoNotMatchTheInputShapeFailWithKerasMessage()
    {
        var model = new Sequential().Add(new Dense(10, activation: "softmax", inputShape: [784]))
            .Compile(optimizer: "rmsprop", loss: "sparse_categorical_crossentropy");
        var e = Assert.Throws<ArgumentException>(() => model.Fit(Ones(64, 785), Tensor.Zeros(new Shape(64)), verbose: 0));
        Assert.Equal("Input 0 of layer \"" + model.Layers[0].Name + "\" is incompatible with the layer: expected axis -1 of input shape to have value 784, but received input with shape (32, 785)", e.Message);
        var p = Assert.Throws<ArgumentException>(() => model.Predict(Ones(5, 785)));
        Assert.Contains("expected axis -1 of input shape to have value 784, but received input with shape (5, 785)", p.Message);
    }

    [Fact]
    public void OneDimensionalDataIsOneFeatureASampleAsInKeras2()
    {
        // Keras 2 expands a 1-D x to (n, 1): for a model declared with 4 features, data of shape (5,) is 5 samples of
        // one feature, refused with the first layer's message on that shape
        var model = Classifier();
        const string expected = "expected axis -1 of input shape to have value 4, but received input with shape (5, 1)";
        Assert.Contains(expected, Assert.Throws<ArgumentException>(() => model.Predict(Ones(5), verbose: 0)).Message);
        Assert.Contains(expected, Assert.Throws<ArgumentException>(() => model.Fit(Ones(5), Tensor.Zeros(new Shape(5)), verbose: 0)).Message);
        // building for scalar samples (Keras's model.build((None,))) is refused with the batch axis shown as None
        Assert.Contains("found ndim=1. Full shape received: (None,)", Assert.Throws<ArgumentException>(() => ((Sequential)model).Build(Array.Empty<int>())).Message);
        Assert.False(model.Built);
        Assert.Equal(new Shape(3, 3), model.Predict(Ones(3, 4), verbose: 0).Shape); // the refused shapes were not kept
    }

    [Fact]
    public void OneSampleWithoutItsBatchAxisIsNamedAsSuch()
    {
        // x[0] instead of x[..1]: the shape of one declared sample, for a Sequential (before and after it is built)
        // and a functional model
        const string hint = "That is one sample without its batch axis: pass a batch, e.g. x[..1] rather than x[0], or x.ExpandDims(0).";
        var images = Tensor.Ones(new Shape(3, 28, 28));
        var seq = new Sequential([new Flatten(inputShape: [28, 28]), new Dense(10)], name: "seq");
        var e = Assert.Throws<ArgumentException>(() => seq.Predict(images[0], verbose: 0));
        Assert.Equal("Input 0 of layer \"seq\" is incompatible with the layer: expected shape=(None, 28, 28), found shape=(28, 28). " + hint, e.Message);
        seq.Predict(images, verbose: 0);
        Assert.EndsWith(hint, Assert.Throws<ArgumentException>(() => seq.Predict(images[0], verbose: 0)).Message);
        var input = new Input(shape: [4]);
        var functional = new Model(input, new Dense(2).Call(input), name: "fn");
        Assert.Equal("Input 0 of layer \"fn\" is incompatible with the layer: expected shape=(None, 4), found shape=(4,). " + hint,
            Assert.Throws<ArgumentException>(() => functional.Predict(Ones(4), verbose: 0)).Message);
    }

    [Fact]
    public void AModelWithoutLayersCannotBeBuilt()
    {
        // Keras 3's message; before, Predict handed the input back and Fit trained nothing
        var empty = new Sequential(name: "empty");
        const string expected = "Sequential model empty cannot be built because it has no layers. Call `model.Add(layer)`.";
        Assert.Equal(expected, Assert.Throws<InvalidOperationException>(() => empty.Predict(Ones(2, 4), verbose: 0)).Message);
        empty.Compile(optimizer: "sgd", loss: "mse");
        Assert.Equal(expected, Assert.Throws<InvalidOperationException>(() => empty.Fit(Ones(2, 4), Ones(2, 4), verbose: 0)).Message);
        Assert.Equal(expected, Assert.Throws<InvalidOperationException>(() => new Sequential(name: "empty").Add(new Input(shape: [4])).Predict(Ones(2, 4), verbose: 0)).Message);
    }

    private sealed class ReturnsNull : Model { public override Tensor[] Call(Tensor[] inputs, bool training) => null!; }
    private sealed class ReturnsNone : Model { public override Tensor[] Call(Tensor[] inputs, bool training) => []; }
    private sealed class ReturnsANullOutput : Model
    {
        private readonly Dense _head = new(1);
        public override Tensor[] Call(Tensor[] inputs, bool training) => [_head.Call(inputs[0]), null!];
    }
    private sealed class DropsTheBatch : Model
    {
        private readonly Dense _head = new(1);
        public override Tensor[] Call(Tensor[] inputs, bool training) => [_head.Call(inputs[0])[..1]];
    }
    private sealed class NullLayer : Layer { public override Tensor Call(Tensor inputs, bool training = false) => null!; }

    [Fact]
    public void UserCodeThatReturnsNoTensorIsNamed()
    {
        var x = Ones(8, 3);
        Assert.Equal("The Call of model \"nothing\" (ReturnsNull) returned null; expected one tensor per output.",
            Assert.Throws<InvalidOperationException>(() => new ReturnsNull { Name = "nothing" }.Predict(x, verbose: 0)).Message);
        Assert.Contains("returned no tensors", Assert.Throws<InvalidOperationException>(() => new ReturnsNone().Predict(x, verbose: 0)).Message);
        var half = new ReturnsANullOutput();
        half.Compile(optimizer: "sgd", loss: "mse");
        Assert.StartsWith("Output 1 of the Call of model", Assert.Throws<InvalidOperationException>(() => half.Fit(x, Ones(8, 1), verbose: 0)).Message);
        var seq = new Sequential([new Dense(2, inputShape: [3]), new NullLayer { Name = "hole" }]);
        Assert.Equal("Layer \"hole\" (NullLayer) returned null from Call on input (8, 2); expected a tensor.",
            Assert.Throws<InvalidOperationException>(() => seq.Predict(x, verbose: 0)).Message);
        // an output without the batch axis would have filled the prediction with too few rows
        Assert.Equal("Model \"dropper\" returned shape (1, 1) for a batch of 8 samples; Predict expects the batch axis first, one output row per sample.",
            Assert.Throws<InvalidOperationException>(() => new DropsTheBatch { Name = "dropper" }.Predict(x, verbose: 0)).Message);
    }

    [Fact]
    public void FeaturesMismatchAfterBuildingFromData()
    {
        var model = new Sequential().Add(new Dense(2)).Compile(loss: "mse");
        model.Predict(Ones(3, 4));
        var e = Assert.Throws<ArgumentException>(() => model.Predict(Ones(3, 5)));
        Assert.Contains("expected axis -1 of input shape to have value 4, but received input with shape (3, 5)", e.Message);
    }

    [Theory]
    [InlineData(3f, false)]
    [InlineData(-1f, false)]
    [InlineData(1.5f, false)]
    [InlineData(3f, true)]
    [InlineData(0.5f, true)]
    public void SparseLabelsOutOfRangeOrFractionalAreRejected(float bad, bool fromLogits)
    {
        var model = new Sequential().Add(new Dense(3, activation: fromLogits ? "linear" : "softmax", inputShape: [4]))
            .Compile(optimizer: "sgd", loss: new SparseCategoricalCrossentropy(fromLogits: fromLogits));
        var y = Tensor.From(new float[] { 0, 1, bad, 2 });
        var e = Assert.Throws<ArgumentException>(() => model.Fit(Ones(4, 4), y, verbose: 0));
        Assert.Contains("label value of " + bad.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message);
        Assert.Contains("[0, 2]", e.Message);
    }

    [Fact]
    public void SparseLabelsAreCheckedOnUnfusedProbabilities()
    {
        var loss = new SparseCategoricalCrossentropy();
        var p = Tensor.Full(new Shape(2, 3), 1f / 3);
        var e = Assert.Throws<ArgumentException>(() => loss.Compute(Tensor.From(new float[] { 0, 7 }), p));
        Assert.Contains("label value of 7", e.Message);
        Assert.Contains("[0, 2]", e.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void OneHotLabelsWithASparseLossNameBothShapes(bool softmax)
    {
        var loss = new SparseCategoricalCrossentropy();
        var probs = softmax ? ((ActivationFunction)"softmax").Call(Ones(4, 3)) : Tensor.Full(new Shape(4, 3), 1f / 3);
        var oneHot = Tensor.From(new float[] { 1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0 }, new Shape(4, 3));
        var e = Assert.Throws<ArgumentException>(() => loss.Compute(oneHot, probs));
        Assert.Contains("Received: target.shape=(4, 3), output.shape=(4, 3)", e.Message);
        Assert.Contains("one-hot", e.Message);
    }

    [Fact]
    public void SparseLabelsWithACategoricalLossNameBothShapes()
    {
        var e = Assert.Throws<ArgumentException>(() => new CategoricalCrossentropy().Compute(Tensor.From(new float[] { 0, 1 }), Tensor.Full(new Shape(2, 3), 1f / 3)));
        Assert.Contains("target.shape=(2,), output.shape=(2, 3)", e.Message);
    }

    [Fact]
    public void UnknownActivationListsValidNames()
    {
        var e = Assert.Throws<ArgumentException>(() => new Dense(3, activation: "relux"));
        Assert.Contains("Could not interpret activation function identifier: 'relux'", e.Message);
        foreach (var n in new[] { "linear", "relu", "sigmoid", "softmax", "tanh", "softplus", "softsign", "elu", "selu", "leaky_relu", "gelu", "swish", "exponential" })
            Assert.Contains(n, e.Message);
    }

    [Fact]
    public void UnknownLossOptimizerMetricListValidNames()
    {
        var model = new Sequential().Add(new Dense(1, inputShape: [2]));
        var loss = Assert.Throws<ArgumentException>(() => model.Compile(loss: "mse2"));
        Assert.Contains("'mse2'", loss.Message);
        Assert.Contains("binary_crossentropy", loss.Message);
        var opt = Assert.Throws<ArgumentException>(() => model.Compile(optimizer: "adamax2", loss: "mse"));
        Assert.Contains("Could not interpret optimizer identifier: 'adamax2'", opt.Message);
        Assert.Contains("rmsprop", opt.Message);
        Assert.Contains("nadam", opt.Message);
        var metric = Assert.Throws<ArgumentException>(() => model.Compile(loss: "mse", metrics: ["accuracyy"]));
        Assert.Contains("Could not interpret metric identifier: 'accuracyy'", metric.Message);
        Assert.Contains("accuracy", metric.Message.Replace("'accuracyy'", ""));
        Assert.Contains("mae", metric.Message);
    }

    [Fact]
    public void UnknownInitializerAndRegularizerListValidNames()
    {
        var i = Assert.Throws<ArgumentException>(() => new Dense(3, kernelInitializer: "glorot"));
        Assert.Contains("glorot_uniform", i.Message);
        var r = Assert.Throws<ArgumentException>(() => new Dense(3, kernelRegularizer: "l3"));
        Assert.Contains("l1_l2", r.Message);
    }

    [Fact]
    public void UsingTheModelBeforeCompileFails()
    {
        var model = new Sequential().Add(new Dense(1, inputShape: [2]));
        var e = Assert.Throws<InvalidOperationException>(() => model.Fit(Ones(4, 2), Ones(4, 1), verbose: 0));
        Assert.Equal("You must call `compile()` before using the model.", e.Message);
        Assert.Throws<InvalidOperationException>(() => model.Evaluate(Ones(4, 2), Ones(4, 1), verbose: 0));
        Assert.Throws<InvalidOperationException>(() => model.TrainOnBatch(Ones(4, 2), Ones(4, 1)));
        Assert.Equal(4, model.Predict(Ones(4, 2)).Shape[0]); // predict needs no compile, as in Keras
    }

    [Fact]
    public void NonFiniteDataNamesTheSample()
    {
        var x = Ones(6, 2).ToArray();
        x[9] = float.NaN; // sample 4, feature 1
        var model = new Sequential().Add(new Dense(1, inputShape: [2])).Compile(loss: "mse");
        var e = Assert.Throws<ArgumentException>(() => model.Fit(Tensor.From(x, new Shape(6, 2)), Ones(6, 1), verbose: 0));
        Assert.Contains("sample 4 contains NaN", e.Message);
        var y = Ones(6, 1).ToArray();
        y[2] = float.PositiveInfinity;
        var ey = Assert.Throws<ArgumentException>(() => model.Fit(Ones(6, 2), Tensor.From(y, new Shape(6, 1)), verbose: 0));
        Assert.Contains("Expected y to hold finite numbers, but sample 2 contains", ey.Message);
    }

    /// <summary>Large inputs are summed in parallel chunks by the reduction driver: a NaN or infinity near either end
    /// is still found, and a large finite input passes.</summary>
    [Fact]
    public void NonFiniteValuesInALargeInputAreFound()
    {
        const int samples = 4100, features = 256; // 1,049,600 floats: split across the cores by the reduction driver
        Assert.True(samples * features >= NotebookNN.Compute.Threading.ParallelThresholds.Elementwise);
        var x = new float[samples * features];
        var model = new Sequential().Add(new Dense(1, inputShape: [features])).Compile(loss: "mse");
        var y = Tensor.Zeros([samples, 1]);
        foreach (var (index, value) in new[] { (3 * features + 7, float.NaN), ((samples - 2) * features + 200, float.NegativeInfinity) })
        {
            Array.Clear(x);
            x[index] = value;
            var e = Assert.Throws<ArgumentException>(() => model.Fit(Tensor.From(x, new Shape(samples, features)), y, epochs: 0, verbose: 0));
            Assert.Contains($"sample {index / features} contains {value.ToString(System.Globalization.CultureInfo.InvariantCulture)} (element {index % features} of the sample)", e.Message);
        }
        Array.Clear(x);
        model.Fit(Tensor.From(x, new Shape(samples, features)), y, epochs: 0, verbose: 0);
    }

    [Fact]
    public void TerminateOnNaNStopsAtTheFirstNaNLoss()
    {
        var model = new Sequential().Add(new Dense(1, inputShape: [2])).Compile(optimizer: new SGD(0.1), loss: "mse");
        model.SetWeights([Tensor.Full(new Shape(2, 1), float.NaN), Tensor.Zeros(new Shape(1))]);
        int batches = 0;
        var count = new LambdaCallback(onBatchEnd: (_, _) => batches++);
        var h = model.Fit(Ones(64, 2), Ones(64, 1), epochs: 5, verbose: 0, callbacks: [new TerminateOnNaN(), count]);
        Assert.Equal(1, batches);
        Assert.Equal([0], h.Epoch);
        Assert.True(double.IsNaN(h.History["loss"][0]));
        Assert.True(model.StopTraining);
    }

    [Fact]
    public void BadFitArguments()
    {
        var m = Classifier();
        var (x, y) = (Ones(10, 4), Tensor.Zeros(new Shape(10)));
        Assert.Contains("batch_size=0", Assert.Throws<ArgumentException>(() => m.Fit(x, y, batchSize: 0, verbose: 0)).Message);
        Assert.Contains("validation_split=1.5", Assert.Throws<ArgumentException>(() => m.Fit(x, y, validationSplit: 1.5, verbose: 0)).Message);
        Assert.Contains("sample_weight", Assert.Throws<ArgumentException>(() => m.Fit(x, y, sampleWeight: Ones(9), verbose: 0)).Message);
        Assert.Contains("verbose=3", Assert.Throws<ArgumentException>(() => m.Fit(x, y, verbose: 3)).Message);
        var cw = Assert.Throws<ArgumentException>(() => m.Fit(x, Tensor.From(new float[] { 0, 1, 2, 0, 1, 2, 0, 1, 2, 0 }), classWeight: new Dictionary<int, double> { [0] = 1, [1] = 2 }, verbose: 0));
        Assert.Contains("Class 2", cw.Message);
        Assert.Contains("validation y", Assert.Throws<ArgumentException>(() => m.Fit(x, y, validationData: (Ones(3, 4), Ones(2)), verbose: 0)).Message);
    }

    [Fact]
    public void EmptyDataIsRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => Classifier().Fit(Ones(0, 4), Tensor.Zeros(new Shape(0)), verbose: 0));
        Assert.Equal("Expected input data to be non-empty. Received: x.shape=(0, 4)", e.Message);
    }

    [Fact]
    public void BadLayerArguments()
    {
        Assert.Contains("units=0", Assert.Throws<ArgumentException>(() => new Dense(0)).Message);
        Assert.Contains("rate=1", Assert.Throws<ArgumentException>(() => new Dropout(1.0)).Message);
        Assert.Contains("shape=(0,)", Assert.Throws<ArgumentException>(() => new Input(shape: [0])).Message);
        Assert.Contains("l2=-1", Assert.Throws<ArgumentException>(() => new NotebookNN.Regularizers.L2(-1)).Message);
    }
}
