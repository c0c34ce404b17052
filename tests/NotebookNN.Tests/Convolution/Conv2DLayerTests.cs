using NotebookNN.Initializers;
using NotebookNN.Layers;
using NotebookNN.Optimizers;
using NotebookNN.Tests.Support;

namespace NotebookNN.Tests.Convolution;

using KerasModels = global::NotebookNN.Keras.Models;

/// <summary>Conv2D as a Keras layer: defaults, weights' layout, summary, Keras's errors, saving.</summary>
[Collection(KerasSessionCollection.Name)]
public sealed class Conv2DLayerTests : TempFolderTests
{
    private static Sequential ConvNet() => new([
        new Conv2D(32, 3, activation: "relu", padding: "same", inputShape: [28, 28, 1]),
        new Conv2D(64, (3, 3), strides: 2),
        new Flatten(), new Dense(10, activation: "softmax")]);

    [Fact]
    public void Defaults_AreKeras()
    {
        var layer = new Conv2D(4, 3);
        Assert.Equal(new Size2D(3, 3), layer.KernelSize);
        Assert.Equal(new Size2D(1, 1), layer.Strides);
        Assert.Equal("valid", layer.Padding);
        Assert.True(layer.UseBias);
        Assert.IsType<GlorotUniform>(layer.KernelInitializer);
        Assert.IsType<Zeros>(layer.BiasInitializer);
        Assert.True(layer.Activation.IsLinear);
        layer.EnsureBuilt(new Shape(7, 6, 5));
        Assert.Equal(["kernel", "bias"], layer.Weights.Select(w => w.Name.Split('/')[1]));
        Assert.Equal(new Shape(3, 3, 5, 4), layer.Kernel!.Shape);
        Assert.Equal(new Shape(4), layer.Bias!.Shape);
        Assert.Equal(new Shape(5, 4, 4), layer.ComputeOutputShape(new Shape(7, 6, 5)));
        // glorot_uniform's limit sqrt(6 / (fan_in + fan_out)) with Keras's conv fans: receptive field × channels
        double limit = Math.Sqrt(6.0 / (3 * 3 * 5 + 3 * 3 * 4));
        Assert.All(layer.Kernel.ToArray(), v => Assert.InRange(v, -limit, limit));
        Assert.Contains(layer.Kernel.ToArray(), v => Math.Abs(v) > limit * 0.8);
    }

    [Fact]
    public void Summary_IsKeras2Text()
    {
        Keras.ClearSession();
        string text = ConvNet().Summary().ToString();
        Assert.Contains(" conv2d (Conv2D)             (None, 28, 28, 32)        320       ", text);
        Assert.Contains(" conv2d_1 (Conv2D)           (None, 13, 13, 64)        18496     ", text);
        Assert.Contains(" flatten (Flatten)           (None, 10816)             0         ", text);
        Assert.Contains("Total params: 126,986", text);
    }

    [Fact]
    public void BadArguments_GetKerasMessages()
    {
        Assert.Contains("Received filters=0", Assert.Throws<ArgumentException>(() => new Conv2D(0, 3)).Message);
        Assert.Contains("Received kernel_size=(3, 0), including values {0}", Assert.Throws<ArgumentException>(() => new Conv2D(2, (3, 0))).Message);
        Assert.Contains("strides=(0, 0)", Assert.Throws<ArgumentException>(() => new Conv2D(2, 3, strides: 0)).Message);
        Assert.Contains("Received: full", Assert.Throws<ArgumentException>(() => new Conv2D(2, 3, padding: "full")).Message);
        Assert.Equal("same", new Conv2D(2, 3, padding: "SAME").Padding);
    }

    [Fact]
    public void BadInputs_GetKerasMessages()
    {
        var e = Assert.Throws<ArgumentException>(() => new Sequential([new Conv2D(2, 3, inputShape: [28, 28])]).Summary());
        Assert.Contains("expected min_ndim=4, found ndim=3. Full shape received: (None, 28, 28)", e.Message);
        e = Assert.Throws<ArgumentException>(() => new Sequential([new Conv2D(2, 5, inputShape: [4, 9, 1])]).Summary());
        Assert.Contains("Computed output size would be negative", e.Message);
        Assert.Contains("padding=\"same\"", e.Message);

        var layer = new Conv2D(2, 3);
        layer.Invoke(Tensor.Zeros([1, 5, 5, 3]));
        e = Assert.Throws<ArgumentException>(() => layer.Invoke(Tensor.Zeros([1, 5, 5, 2])));
        Assert.Contains("expected axis -1 of input shape to have value 3", e.Message);
        e = Assert.Throws<ArgumentException>(() => layer.Invoke(Tensor.Zeros([5, 5, 3])));
        Assert.Contains("expected min_ndim=4, found ndim=3", e.Message);
    }

    [Fact]
    public void SaveAndLoad_RoundTripsConfigAndWeights()
    {
        var rng = new Random(5);
        var x = Tensor.From([.. Enumerable.Range(0, 6 * 28 * 28).Select(_ => (float)rng.NextDouble())], [6, 28, 28, 1]);
        var y = Tensor.From([.. Enumerable.Range(0, 6).Select(i => (float)(i % 10))]);
        var model = new Sequential([
            new Conv2D(3, (3, 2), strides: (2, 1), padding: "same", activation: "relu", useBias: false, inputShape: [28, 28, 1]),
            new Conv2D(2, 3), new Flatten(), new Dense(10, activation: "softmax")]);
        model.Compile(new Adam(), "sparse_categorical_crossentropy");
        model.Fit(x, y, epochs: 1, batchSize: 3, verbose: 0);
        var path = PathOf("convnet.keras");
        model.Save(path);
        var loaded = KerasModels.LoadModel(path);

        var conv = Assert.IsType<Conv2D>(loaded.Layers[0]);
        Assert.Equal(new Size2D(3, 2), conv.KernelSize);
        Assert.Equal(new Size2D(2, 1), conv.Strides);
        Assert.Equal("same", conv.Padding);
        Assert.False(conv.UseBias);
        Assert.Equal("relu", conv.Activation.Name);
        Assert.Equal(model.Summary().ToString(), loaded.Summary().ToString());
        Assert.Equal(model.Predict(x, verbose: 0).ToArray(), loaded.Predict(x, verbose: 0).ToArray());
    }
}
