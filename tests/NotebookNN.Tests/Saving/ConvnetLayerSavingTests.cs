using NotebookNN.Layers;
using NotebookNN.Saving;
using NotebookNN.Tests.Support;

namespace NotebookNN.Tests.Saving;

using KerasModels = global::NotebookNN.Keras.Models;

/// <summary>The convnet layers saved and loaded: Keras's config keys and values, the same predictions after loading.</summary>
public sealed class ConvnetLayerSavingTests : TempFolderTests
{
    [Fact]
    public void PoolingConfigsAreKerasAndRoundTrip()
    {
        var config = ModelConfig.ToJson(new MaxPooling2D((3, 2), strides: 1, padding: "same", name: "pool"))["config"]!;
        Assert.Equal("[3,2]", config["pool_size"]!.ToJsonString());
        Assert.Equal("[1,1]", config["strides"]!.ToJsonString());
        Assert.Equal("same", (string?)config["padding"]);
        Assert.Equal("channels_last", (string?)config["data_format"]);

        var model = new Sequential([
            new MaxPooling2D((3, 2), strides: 1, padding: "same", inputShape: [7, 6, 3]),
            new AveragePooling2D(2, strides: (1, 2)),
            new GlobalAveragePooling2D(keepdims: true)]);
        var x = Tensor.RandomNormal(new Shape(4, 7, 6, 3), seed: 3);
        var path = PathOf("pools.keras");
        model.Save(path);
        var loaded = KerasModels.LoadModel(path);
        Assert.Equal(model.Summary().ToString(), loaded.Summary().ToString());
        Assert.Equal(model.Predict(x, verbose: 0).ToArray(), loaded.Predict(x, verbose: 0).ToArray());
        var pool = Assert.IsType<MaxPooling2D>(((Sequential)loaded).Layers[0]);
        Assert.Equal((new Size2D(3, 2), new Size2D(1, 1), "same"), (pool.PoolSize, pool.Strides, pool.Padding));
    }

    [Fact]
    public void NormalizationAndAugmentationLayersRoundTrip()
    {
        var x = Tensor.RandomUniform(new Shape(6, 9, 8, 3), seed: 4) * 255;
        var model = new Sequential([
            new Rescaling(1.0 / 255, offset: 0.5, inputShape: [9, 8, 3]),
            new RandomFlip("horizontal", seed: 1),
            new RandomRotation((-0.1, 0.2), fillMode: "constant", fillValue: 0.25, seed: 2),
            new RandomZoom(0.3, widthFactor: (-0.2, 0.1), interpolation: "nearest", seed: 3),
            new BatchNormalization(momentum: 0.9, epsilon: 1e-2),
            new GlobalMaxPooling2D()]);
        model.Compile(optimizer: "sgd", loss: "mse");
        model.Fit(x, Tensor.Zeros(new Shape(6, 3)), batchSize: 3, epochs: 1, verbose: 0); // moves the moving statistics
        var path = PathOf("augment.keras");
        model.Save(path);
        var loaded = (Sequential)KerasModels.LoadModel(path);
        Assert.Equal(model.Predict(x, verbose: 0).ToArray(), loaded.Predict(x, verbose: 0).ToArray());
        var (rotation, zoom, bn) = ((RandomRotation)loaded.Layers[2], (RandomZoom)loaded.Layers[3], (BatchNormalization)loaded.Layers[4]);
        Assert.Equal((new FactorRange(-0.1, 0.2), "constant", 0.25, 2), (rotation.Factor, rotation.FillMode, rotation.FillValue, rotation.Seed));
        Assert.Equal((new FactorRange(-0.3, 0.3), new FactorRange(-0.2, 0.1), "nearest"), (zoom.HeightFactor, zoom.WidthFactor, zoom.Interpolation));
        Assert.Equal((0.9, 1e-2), (bn.Momentum, bn.Epsilon));
        Assert.Equal("horizontal", ((RandomFlip)loaded.Layers[1]).Mode);
        Assert.Equal((1.0 / 255, 0.5), (((Rescaling)loaded.Layers[0]).Scale, ((Rescaling)loaded.Layers[0]).Offset));
        Assert.Equal(model.GetWeights().Select(w => w.ToArray()), loaded.GetWeights().Select(w => w.ToArray()));
    }
}
