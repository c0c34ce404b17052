using NotebookNN.Layers;
using NotebookNN.Tests.Support;

namespace NotebookNN.Tests.Models;

/// <summary>Building a Sequential model: Add / Pop / Layers, the fluent form, Input, names, Summary, Get/SetWeights.</summary>
[Collection(KerasSessionCollection.Name)]
public class SequentialTests
{
    private static Sequential FashionMnist() => new(
    [
        new Flatten(inputShape: [28, 28]),
        new Dense(300, activation: "relu"),
        new Dense(100, activation: "relu"),
        new Dense(10, activation: "softmax"),
    ]);

    [Fact]
    public void AutomaticNamesCountPerPrefixAndResetWithClearSession()
    {
        Keras.ClearSession();
        var a = new Dense(1);
        var b = new Dense(1);
        var f = new Flatten();
        var d = new Dropout(0.5);
        var act = new Activation("relu");
        var s = new Sequential();
        var input = new Input(shape: [3]);
        var s2 = new Sequential();
        Assert.Equal(["dense", "dense_1", "flatten", "dropout", "activation", "sequential", "sequential_1"],
            new[] { a.Name, b.Name, f.Name, d.Name, act.Name, s.Name, s2.Name });
        Assert.Equal("input_1", input.Layer.Name);
        Assert.Equal("named", new Dense(1, name: "named").Name);
        Assert.Equal("dense_2", new Dense(1).Name);
        Keras.ClearSession();
        Assert.Equal("dense", new Dense(1).Name);
        Assert.Equal("sequential", new Sequential().Name);
    }

    [Fact]
    public void UnnamedMetricObjectsAreNumberedAsInKeras2()
    {
        Keras.ClearSession();
        Assert.Equal(["precision", "precision_1", "recall", "auc", "auc_1", "mine"],
            new[] { new NotebookNN.Metrics.Precision().Name, new NotebookNN.Metrics.Precision().Name, new NotebookNN.Metrics.Recall().Name,
                new NotebookNN.Metrics.AUC().Name, new NotebookNN.Metrics.AUC().Name, new NotebookNN.Metrics.AUC(name: "mine").Name });
        var model = new Sequential().Add(new Dense(1, activation: "sigmoid", inputShape: [2]))
            .Compile(loss: "binary_crossentropy", metrics: ["precision", new NotebookNN.Metrics.Precision(), "auc"]);
        Assert.Equal(["loss", "precision", "precision_2", "auc"], model.Evaluate(Tensor.Ones(new Shape(2, 2)), Tensor.Ones(new Shape(2, 1)), verbose: 0).Keys);
        Keras.ClearSession();
        Assert.Equal("precision", new NotebookNN.Metrics.Precision().Name);
    }

    [Fact]
    public void FashionMnistSummaryIsKeras2Text()
    {
        Keras.ClearSession();
        var model = FashionMnist();
        string text = model.Summary().ToString();
        string blank = new(' ', 65);
        string[] expected =
        [
            "Model: \"sequential\"",
            "_________________________________________________________________",
            " Layer (type)                Output Shape              Param #   ",
            "=================================================================",
            " flatten (Flatten)           (None, 784)               0         ", blank,
            " dense (Dense)               (None, 300)               235500    ", blank,
            " dense_1 (Dense)             (None, 100)               30100     ", blank,
            " dense_2 (Dense)             (None, 10)                1010      ", blank,
            "=================================================================",
            "Total params: 266,610",
            "Trainable params: 266,610",
            "Non-trainable params: 0",
            "_________________________________________________________________",
        ];
        Assert.Equal(string.Join("\n", expected), text);
        Assert.Equal(266610, model.CountParams());
    }

    [Fact]
    public void FrozenLayerCountsAsNonTrainable()
    {
        var model = new Sequential().Add(new Dense(4, inputShape: [3])).Add(new Dense(2));
        model.Layers[0].Trainable = false;
        string text = model.Summary().ToString();
        Assert.Contains("Total params: 26", text);
        Assert.Contains("Trainable params: 10", text);
        Assert.Contains("Non-trainable params: 16", text);
        Assert.Equal(2, model.TrainableWeights.Count);
    }

    [Fact]
    public void SummaryBeforeBuildExplains()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new Sequential().Add(new Dense(3)).Summary());
        Assert.Contains("has not yet been built", e.Message);
    }

    [Fact]
    public void AddPopLayersAndFluentForm()
    {
        var d1 = new Dense(4, activation: "relu");
        var d2 = new Dense(2);
        var model = new Sequential().Add(new Input(shape: [13])).Add(d1).Add(d2);
        Assert.Equal([d1, d2], model.Layers);
        Assert.True(d1.Built);
        Assert.Equal(13, d1.Kernel!.Shape[0]);
        model.Pop();
        Assert.Equal([d1], model.Layers);
        Assert.Same(model, model.Add(new Dense(1)));
        Assert.Same(model, model.Compile(loss: "mse", optimizer: "adam"));
        Assert.Equal(3, model.Predict(Tensor.Ones(new Shape(3, 13))).Shape[0]);
        Assert.Throws<InvalidOperationException>(() => new Sequential().Pop());
        var dup = Assert.Throws<ArgumentException>(() => new Sequential().Add(new Dense(1, name: "x")).Add(new Dense(1, name: "x")));
        Assert.Contains("unique names", dup.Message);
    }

    [Fact]
    public void ModelWithoutInputShapeBuildsOnFirstData()
    {
        var model = new Sequential().Add(new Dense(3)).Add(new Dense(1));
        Assert.False(model.Layers[0].Built);
        var y = model.Predict(Tensor.Ones(new Shape(2, 5)));
        Assert.Equal(new Shape(2, 1), y.Shape);
        Assert.Equal(new Shape(5, 3), model.Layers[0].Weights[0].Shape);
    }

    [Fact]
    public void WeightsAreKernelThenBiasPerLayer()
    {
        var model = new Sequential().Add(new Dense(3, inputShape: [2])).Add(new Dense(1, useBias: false));
        var w = model.GetWeights();
        Assert.Equal([new Shape(2, 3), new Shape(3), new Shape(3, 1)], w.Select(t => t.Shape));
        Assert.All(w[1].ToArray(), v => Assert.Equal(0f, v)); // zeros bias
        // Known weights give a known output, computed here: y = relu-free x·K1 + b1, then ·K2.
        var k1 = Tensor.From(new float[] { 1, 2, 3, 4, 5, 6 }, new Shape(2, 3));
        var b1 = Tensor.From(new float[] { 0.5f, -1, 0 });
        var k2 = Tensor.From(new float[] { 1, -1, 2 }, new Shape(3, 1));
        model.SetWeights([k1, b1, k2]);
        var x = Tensor.From(new float[] { 1, -1 }, new Shape(1, 2));
        // x·K1 = [1-4, 2-5, 3-6] = [-3,-3,-3]; + b1 = [-2.5,-4,-3]; ·K2 = -2.5 + 4 - 6 = -4.5
        Assert.Equal(-4.5f, model.Predict(x).Item(), 5e-6);
        // GetWeights returns copies.
        var copy = model.GetWeights();
        copy[0].Span[0] = 100;
        Assert.Equal(1f, model.GetWeights()[0].ToArray()[0]);
    }

    [Fact]
    public void WeightsStayInLayerOrderWhenALayerIsFrozen()
    {
        var model = new Sequential().Add(new Dense(3, inputShape: [2])).Add(new Dense(1));
        model.Layers[0].Trainable = false;
        Assert.Equal([new Shape(2, 3), new Shape(3), new Shape(3, 1), new Shape(1)], model.GetWeights().Select(t => t.Shape));
        Assert.Equal([new Shape(3, 1), new Shape(1)], model.TrainableWeights.Select(t => t.Shape));
        model.SetWeights(model.GetWeights());
    }

    [Fact]
    public void DenseAppliesToTheLastAxisOfHigherRankInput()
    {
        var model = new Sequential().Add(new Dense(2, inputShape: [3, 4]));
        var k = Enumerable.Range(0, 8).Select(i => (float)i).ToArray();
        model.SetWeights([Tensor.From(k, new Shape(4, 2)), Tensor.From(new float[] { 1, -1 })]);
        var x = Enumerable.Range(0, 24).Select(i => i * 0.1f).ToArray();
        var y = model.Predict(Tensor.From(x, new Shape(2, 3, 4)));
        Assert.Equal(new Shape(2, 3, 2), y.Shape);
        var v = y.ToArray();
        for (int r = 0; r < 6; r++)
            for (int o = 0; o < 2; o++)
                Assert.Equal(Enumerable.Range(0, 4).Sum(i => x[r * 4 + i] * k[i * 2 + o]) + (o == 0 ? 1 : -1), v[r * 2 + o], 5e-5);
        Assert.Contains("(None, 3, 2)", model.Summary().ToString());
    }

    [Fact]
    public void SetWeightsErrorsNameCountAndShape()
    {
        var model = new Sequential().Add(new Dense(3, inputShape: [2]));
        var count = Assert.Throws<ArgumentException>(() => model.SetWeights([Tensor.Zeros(new Shape(2, 3))]));
        Assert.Contains("list of length 1", count.Message);
        Assert.Contains("expects 2 weights", count.Message);
        var shape = Assert.Throws<ArgumentException>(() => model.SetWeights([Tensor.Zeros(new Shape(3, 2)), Tensor.Zeros(new Shape(3))]));
        Assert.Contains("has shape (2, 3)", shape.Message);
        Assert.Contains("has shape (3, 2)", shape.Message);
    }
}
