using NotebookNN.Layers;
using NotebookNN.Losses;
using NotebookNN.Optimizers;

namespace NotebookNN.Tests.Models;

/// <summary>
/// Compile's explicit softmax / sigmoid + cross-entropy wiring (<c>OutputHeads.FromLogits</c>): which outputs the trainer
/// computes the loss of from their logits, that doing so gives the from-logits model's numbers bit for bit, and that an
/// output the fused op cannot take (softmax over a time axis) trains from its probabilities instead of failing.
/// </summary>
public class FromLogitsTests
{
    public FromLogitsTests() => Utils.SetRandomSeed(7);

    private static Loss? Wired(Model model, int outputs = 1, int output = 0) => model.Heads(outputs).FromLogits[output];

    [Fact]
    public void CrossEntropiesOfAMatchingOutputActivationAreComputedFromLogits()
    {
        Loss? Of(string activation, Loss loss) =>
            Wired(new Sequential([new Dense(4, activation: "relu", inputShape: [3]), new Dense(3, activation: activation)]).Compile(loss: loss));
        Assert.True(Of("softmax", "sparse_categorical_crossentropy") is SparseCategoricalCrossentropy { FromLogits: true });
        Assert.True(Of("softmax", "categorical_crossentropy") is CategoricalCrossentropy { FromLogits: true });
        Assert.True(Of("sigmoid", "binary_crossentropy") is BinaryCrossentropy { FromLogits: true });
        Assert.Null(Of("softmax", new SparseCategoricalCrossentropy(fromLogits: true))); // already logits: nothing to split off
        Assert.Null(Of("sigmoid", "categorical_crossentropy"));
        Assert.Null(Of("softmax", "binary_crossentropy"));
        Assert.Null(Of("relu", "sparse_categorical_crossentropy"));
        Assert.Null(Of("softmax", "mse"));

        var activationLayer = new Sequential([new Dense(3, inputShape: [3]), new Activation("softmax")]).Compile(loss: "sparse_categorical_crossentropy");
        Assert.True(Wired(activationLayer) is SparseCategoricalCrossentropy { FromLogits: true });
        // keras.layers.Softmax is a layer of its own (TensorFlow's quickstart puts it on a trained logits model): no split
        var softmaxLayer = new Sequential([new Dense(3, inputShape: [3]), new Softmax()]).Compile(loss: "sparse_categorical_crossentropy");
        Assert.Null(Wired(softmaxLayer));
    }

    [Fact]
    public void EachOutputOfAFunctionalModelIsWiredOnItsOwn()
    {
        var input = new Input(shape: [4]);
        var h = new Dense(5, activation: "relu").Call(input);
        var classes = new Dense(3, activation: "softmax", name: "classes").Call(h);
        var flag = new Dense(1, activation: "sigmoid", name: "flag").Call(h);
        var value = new Dense(1, name: "value").Call(h);
        var model = new Model(input, [classes, flag, value]);
        model.Compile(new Adam(), loss: ["sparse_categorical_crossentropy", "binary_crossentropy", "mse"]);
        Assert.True(Wired(model, 3, 0) is SparseCategoricalCrossentropy { FromLogits: true });
        Assert.True(Wired(model, 3, 1) is BinaryCrossentropy { FromLogits: true });
        Assert.Null(Wired(model, 3, 2));
    }

    [Fact]
    public void AnOutputLayerReplacedAfterCompileIsSeenByTheNextCall()
    {
        // transfer learning's pattern: pop the classifier and put another head on, without compiling again
        var model = new Sequential([new Dense(4, inputShape: [3]), new Dense(3, activation: "softmax")]);
        model.Compile(loss: "sparse_categorical_crossentropy");
        Assert.NotNull(Wired(model));
        model.Pop().Add(new Dense(3, activation: "relu"));
        Assert.Null(Wired(model)); // the loss now reads the relu outputs as probabilities, as the user compiled it
        model.Pop().Add(new Activation("softmax"));
        Assert.True(Wired(model) is SparseCategoricalCrossentropy { FromLogits: true });
    }

    private sealed class SubclassedSoftmax : Model
    {
        private readonly Dense _dense = new(3, activation: "softmax");

        public override Tensor Call(Tensor inputs, bool training = false) => _dense.Invoke(inputs, training);
    }

    [Fact]
    public void ASubclassedModelsOutputIsItsOwnBusiness()
    {
        var model = new SubclassedSoftmax();
        model.Compile(loss: "sparse_categorical_crossentropy");
        Assert.Null(Wired(model));
    }

    [Theory]
    [InlineData("sparse_categorical_crossentropy")]
    [InlineData("categorical_crossentropy")]
    [InlineData("binary_crossentropy")]
    public void TheWiredOutputTrainsAsTheFromLogitsModelBitForBit(string lossName)
    {
        // a softmax (sigmoid) output compiled with a cross-entropy, against the same model with a linear output and
        // from_logits=True, from the same weights: the same losses, metrics and weights after every step, with logits
        // large enough that the probabilities saturate (where their clipped form would differ)
        bool binary = lossName == "binary_crossentropy";
        int units = binary ? 1 : 3;
        var rng = new Random(11);
        var x = Tensor.From([.. Enumerable.Range(0, 24 * 4).Select(_ => (float)(rng.NextDouble() * 40 - 20))], [24, 4]);
        var labels = Enumerable.Range(0, 24).Select(i => (float)(binary ? i % 2 : i % 3)).ToArray();
        var y = lossName == "categorical_crossentropy" ? Utils.ToCategorical(Tensor.From(labels), 3) : binary ? Tensor.From(labels, [24, 1]) : Tensor.From(labels);
        Sequential Make(string activation) => new([new Dense(8, activation: "relu", inputShape: [4]), new Dense(units, activation: activation)]);
        var wired = Make(binary ? "sigmoid" : "softmax");
        var logits = Make("linear");
        logits.SetWeights(wired.GetWeights());
        wired.Compile(new SGD(0.05), loss: lossName);
        Loss fromLogits = lossName switch
        {
            "sparse_categorical_crossentropy" => new SparseCategoricalCrossentropy(fromLogits: true),
            "categorical_crossentropy" => new CategoricalCrossentropy(fromLogits: true),
            _ => new BinaryCrossentropy(fromLogits: true),
        };
        logits.Compile(new SGD(0.05), loss: fromLogits);
        for (int step = 0; step < 3; step++)
        {
            Assert.Equal(logits.TrainOnBatch(x, y).Loss, wired.TrainOnBatch(x, y).Loss);
            Assert.Equal(logits.Evaluate(x, y, verbose: 0).Loss, wired.Evaluate(x, y, verbose: 0).Loss);
        }
        var h1 = logits.Fit(x, y, batchSize: 5, epochs: 2, verbose: 0, shuffle: false);
        var h2 = wired.Fit(x, y, batchSize: 5, epochs: 2, verbose: 0, shuffle: false);
        Assert.Equal(h1.History["loss"], h2.History["loss"]);
        var (a, b) = (logits.GetWeights(), wired.GetWeights());
        for (int i = 0; i < a.Count; i++) Assert.Equal(a[i].ToArray(), b[i].ToArray());
        Assert.True(h2.History["loss"].All(double.IsFinite));
    }

    [Fact]
    public void ASoftmaxOverATimeAxisTrainsFromItsProbabilities()
    {
        // (batch, time, classes) outputs: the fused op takes (batch, classes) logits only, so this output's loss is
        // Keras's probability form; before, the softmax's logits reached the fused op and Fit failed on their shape
        var rng = new Random(5);
        var x = Tensor.From([.. Enumerable.Range(0, 6 * 4 * 5).Select(_ => (float)rng.NextDouble())], [6, 4, 5]);
        var labels = Enumerable.Range(0, 24).Select(i => (float)(i % 3)).ToArray();
        var oneHot = Utils.ToCategorical(Tensor.From(labels), 3).Reshape(6, 4, 3);
        var model = new Sequential([new Dense(3, activation: "softmax", inputShape: [4, 5])]);
        model.Compile(new SGD(0.1), loss: "categorical_crossentropy");
        var p = model.Predict(x, verbose: 0).ToArray();
        double expected = 0; // float64: −log of the (normalised, clipped) probability of each step's class, mean over batch and time
        for (int r = 0; r < 24; r++)
        {
            double sum = p[r * 3] + (double)p[r * 3 + 1] + p[r * 3 + 2];
            expected -= Math.Log(Math.Clamp(p[r * 3 + (int)labels[r]] / sum, 1e-7, 1 - 1e-7));
        }
        expected /= 24;
        Assert.Equal(expected, model.Evaluate(x, oneHot, verbose: 0).Loss, 5e-6);
        var history = model.Fit(x, oneHot, epochs: 5, batchSize: 6, verbose: 0);
        Assert.True(history.History["loss"][^1] < history.History["loss"][0]);
    }
}
