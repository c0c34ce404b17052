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
}
