using NotebookNN.Layers;

namespace NotebookNN.Tests.Functional;

/// <summary>
/// A built Sequential model's symbolic graph (Keras 2's <c>model.inputs</c>, <c>layer.output</c>) and the feature-map
/// tutorials' sub-model <c>new Model(model.Inputs, model.Layers[0].Output)</c>.
/// </summary>
public class SequentialSubModelTests
{
    public SequentialSubModelTests()
    {
        Keras.ClearSession();
        Utils.SetRandomSeed(5);
    }

    private static Sequential Mlp() => new([
        new Dense(6, activation: "relu", inputShape: [4]),
        new Dense(5, activation: "tanh"),
        new Dense(3, activation: "softmax")]);

    /// <summary>relu(x·W + b) in float64 from the layer's own weights, row by row.</summary>
    private static double[] DenseRelu(float[] x, int rows, Dense layer)
    {
        var w = layer.Weights[0].ToArray();
        var b = layer.Weights[1].ToArray();
        int n = b.Length, k = w.Length / n;
        var y = new double[rows * n];
        for (int r = 0; r < rows; r++)
            for (int j = 0; j < n; j++)
            {
                double s = b[j];
                for (int i = 0; i < k; i++) s += (double)x[r * k + i] * w[i * n + j];
                y[r * n + j] = Math.Max(0, s);
            }
        return y;
    }

    [Fact]
    public void SubModelOfTheFirstLayerPredictsItsActivation()
    {
        var model = Mlp();
        var features = new Model(model.Inputs, model.Layers[0].Output);
        var x = Tensor.RandomNormal([7, 4], seed: 3);
        var got = features.Predict(x, verbose: 0);
        Assert.Equal([7, 6], got.Shape.Dims);
        var expected = DenseRelu(x.ToArray(), 7, (Dense)model.Layers[0]);
        var actual = got.ToArray();
        Assert.Contains(expected, v => v > 0.1);
        Assert.Contains(expected, v => v == 0);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 1e-5);
    }

    [Fact]
    public void SubModelSharesTheWeightsTheModelTrains()
    {
        var model = Mlp();
        var features = new Model(model.Inputs, model.Layers[0].Output);
        var x = Tensor.RandomNormal([16, 4], seed: 8);
        var y = Tensor.From(Enumerable.Range(0, 16).Select(i => (float)(i % 3)).ToArray());
        model.Compile(optimizer: "sgd", loss: "sparse_categorical_crossentropy");
        model.Fit(x, y, epochs: 2, verbose: 0);
        var expected = DenseRelu(x.ToArray(), 16, (Dense)model.Layers[0]);
        var actual = features.Predict(x, verbose: 0).ToArray();
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 1e-5);
    }

    [Fact]
    public void BuiltSequentialHasKeras2InputsOutputsAndLayerOutputs()
    {
        var model = Mlp();
        var input = Assert.Single(model.Inputs);
        Assert.Equal("dense_input", input.Producer.Name);   // Keras 2 names the implicit input after the first layer
        Assert.Equal([4], input.Shape.Dims);
        Assert.Same(model.Layers[^1].Output, Assert.Single(model.Outputs));
        Assert.Equal("<KerasTensor shape=(None, 5), name=dense_1>", model.Layers[1].Output.ToString());
        var whole = new Model(model.Inputs, model.Outputs);
        var x = Tensor.RandomNormal([3, 4], seed: 1);
        Assert.Equal(model.Predict(x, verbose: 0).ToArray(), whole.Predict(x, verbose: 0).ToArray());
    }

    [Fact]
    public void DeclaredInputIsTheModelsInput()
    {
        var input = new Input(shape: [4], name: "features");
        var model = new Sequential([input, new Dense(2)]);
        Assert.Same(input, Assert.Single(model.Inputs));
        Assert.Same(input, model.Layers[0].InboundNodes[0].InboundTensors[0]);
    }

    [Fact]
    public void ModelBuiltFromDataGetsItsGraphThen()
    {
        var model = new Sequential([new Dense(3), new Dense(2)]);
        Assert.Empty(model.Inputs);
        var e = Assert.Throws<InvalidOperationException>(() => model.Layers[0].Output);
        Assert.StartsWith("The layer dense has never been called and thus has no defined output.", e.Message);
        model.Predict(Tensor.Ones([2, 5]), verbose: 0);
        Assert.Equal([5], Assert.Single(model.Inputs).Shape.Dims);
        Assert.Equal([2], model.Layers[1].Output.Shape.Dims);
    }

    [Fact]
    public void AddAndPopKeepTheOutputAtTheTop()
    {
        var model = Mlp();
        model.Pop();
        Assert.Same(model.Layers[1].Output, Assert.Single(model.Outputs));
        model.Add(new Dense(9));
        Assert.Equal([9], Assert.Single(model.Outputs).Shape.Dims);
        Assert.Same(model.Layers[1].Output, model.Layers[2].InboundNodes[0].InboundTensors[0]);
    }

    [Fact]
    public void MakingTheGraphDrawsNothingFromTheGlobalRandomStream()
    {
        Utils.SetRandomSeed(11);
        new Sequential([new Dense(3, inputShape: [2])]);
        var afterBuilt = new Dense(4);
        afterBuilt.Build(new Shape([2]));
        Utils.SetRandomSeed(11);
        new Sequential([new Dense(3)]);   // the same model, never built: no graph, no input layer
        var afterUnbuilt = new Dense(4);
        afterUnbuilt.Build(new Shape([2]));
        Assert.Equal(afterUnbuilt.Weights[0].ToArray(), afterBuilt.Weights[0].ToArray());
    }

    /// <summary>Keras 2 prints a functional chain as it prints a Sequential model (its <c>sequential_like</c> rule: one
    /// node at each depth, none with several inputs): three columns 65 wide, the input layer's row first.</summary>
    [Fact]
    public void SubModelSummaryIsKeras2sSequentialLikeLayout()
    {
        var model = new Sequential([new Dense(30, activation: "relu", inputShape: [8]), new Dense(1)]);
        var features = new Model(model.Inputs, model.Layers[0].Output);
        var blank = new string(' ', 65);
        string[] expected =
        [
            "Model: \"model\"",
            new('_', 65),
            " Layer (type)                Output Shape              Param #   ",
            new('=', 65),
            " dense_input (InputLayer)    [(None, 8)]               0         ",
            blank,
            " dense (Dense)               (None, 30)                270       ",
            blank,
            new('=', 65),
            "Total params: 270",
            "Trainable params: 270",
            "Non-trainable params: 0",
            new('_', 65),
        ];
        Assert.Equal(string.Join("\n", expected), features.Summary().ToString());
    }
}
