using NotebookNN.Layers;

namespace NotebookNN.Tests.Tensors;

/// <summary>The creation forms a tutorial ported line by line writes: <c>np.array</c> of ints, doubles and nested lists,
/// <c>np.zeros((2, 3))</c>, <c>astype("float32")</c>, <c>X_train.shape[1:]</c>, <c>keras.Sequential([keras.Input(...), ...])</c>.</summary>
public class TutorialCreationTests
{
    [Fact]
    public void FromTakesIntAndDoubleArraysAsNpArray()
    {
        var ints = Tensor.From(new[] { 12, 3, 6, 14, 7 });
        Assert.Equal(new Shape(5), ints.Shape);
        Assert.Equal([12f, 3f, 6f, 14f, 7f], ints.ToArray());
        var doubles = Tensor.From(new[] { 0.1, 2.5, -3.0 });
        Assert.Equal([(float)0.1, 2.5f, -3f], doubles.ToArray());
        var grid = Tensor.From(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        Assert.Equal(new Shape(2, 3), grid.Shape);
        Assert.Equal([1f, 2f, 3f, 4f, 5f, 6f], grid.ToArray());
        Assert.Equal([255f, 0f], Tensor.From(new byte[] { 255, 0 }).ToArray());
        Assert.Equal(new Shape(0), Tensor.From(Array.Empty<int>()).Shape);
    }

    [Fact]
    public void JaggedArraysAreNestedLists()
    {
        var m = Tensor.From(new[] { new[] { 1, 2 }, new[] { 3, 4 }, new[] { 5, 6 } });
        Assert.Equal(new Shape(3, 2), m.Shape);
        Assert.Equal([1f, 2f, 3f, 4f, 5f, 6f], m.ToArray());
        var cube = Tensor.From(new[] { new[] { new[] { 1.5, 2 } }, new[] { new[] { 3.0, 4 } } });
        Assert.Equal(new Shape(2, 1, 2), cube.Shape);
        Assert.Equal([1.5f, 2f, 3f, 4f], cube.ToArray());
        var rowsOfGrids = Tensor.From(new[] { new float[,] { { 1, 2 } }, new float[,] { { 3, 4 } } });
        Assert.Equal(new Shape(2, 1, 2), rowsOfGrids.Shape);
        Assert.Equal([1f, 2f, 3f, 4f], rowsOfGrids.ToArray());
        Assert.Equal(new Shape(2, 0), Tensor.From(new[] { Array.Empty<int>(), Array.Empty<int>() }).Shape);
    }

    [Fact]
    public void RaggedArraysAreRefusedWithNumpysMessage()
    {
        // np.array([[1, 2], [3]]) raises "... inhomogeneous shape after 1 dimensions. The detected shape was (2,) + inhomogeneous part."
        var e = Assert.Throws<ArgumentException>(() => Tensor.From(new[] { new[] { 1, 2 }, new[] { 3 } }));
        Assert.StartsWith("setting an array element with a sequence. The requested array has an inhomogeneous shape after 1 dimensions. "
            + "The detected shape was (2,) + inhomogeneous part.", e.Message);
        Assert.Contains("PadSequences", e.Message);
        var deep = Assert.Throws<ArgumentException>(() => Tensor.From(new[] { new[] { new[] { 1, 2 } }, new[] { new[] { 3, 4 }, new[] { 5, 6 } } }));
        Assert.Contains("after 1 dimensions. The detected shape was (2,)", deep.Message);
        var inner = Assert.Throws<ArgumentException>(() => Tensor.From(new[] { new[] { new[] { 1, 2 } }, new[] { new[] { 3 } } }));
        Assert.Contains("after 2 dimensions. The detected shape was (2, 1)", inner.Message);
        Assert.Contains("after 1 dimensions", Assert.Throws<ArgumentException>(() => Tensor.From(new[] { new[] { 1 }, null! })).Message);
        Assert.Contains("Received: String[]", Assert.Throws<ArgumentException>(() => Tensor.From(new[] { "a" })).Message);
    }

    [Fact]
    public void ZerosAndOnesTakeTheDimensionsOneByOne()
    {
        Assert.Equal(new Shape(2, 3), Tensor.Zeros(2, 3).Shape);
        Assert.Equal(new float[6], Tensor.Zeros(2, 3).ToArray());
        Assert.Equal(new Shape(2, 3), Tensor.Zeros([2, 3]).Shape);
        Assert.Equal(new Shape(4), Tensor.Ones(4).Shape);
        Assert.Equal([1f, 1f, 1f, 1f], Tensor.Ones(4).ToArray());
        Assert.Equal(new Shape(2, 2), Tensor.Ones(new Shape(2, 2)).Shape);
    }

    [Fact]
    public void AsTypeFloat32IsACopyAndOtherTypesAreExplained()
    {
        var x = Tensor.From(new[] { 1, 2, 3 });
        var y = x.AsType("float32") / 255.0;
        Assert.Equal([1f / 255f, 2f / 255f, 3f / 255f], y.ToArray());
        var copy = x.AsType("float32");
        Assert.NotSame(x, copy);
        Assert.Equal(x.ToArray(), copy.ToArray());
        Assert.Same(x, x.AsType(DType.Float32, copy: false));
        var e = Assert.Throws<ArgumentException>(() => x.AsType("float64"));
        Assert.Equal("NotebookNN tensors are float32 (Keras's default floatx); AsType accepts only \"float32\". Received: dtype=\"float64\". "
            + "Keep the data as float32: integer labels and 0/1 masks are float32 values here too.", e.Message);
        Assert.Throws<ArgumentException>(() => x.AsType("int32"));
    }

    [Fact]
    public void AShapeSlicedByARangeIsAShape()
    {
        var xTrain = Tensor.Zeros(5, 28, 28);
        Shape perSample = xTrain.Shape[1..];
        Assert.Equal(new Shape(28, 28), perSample);
        Assert.Equal(new Shape(5), xTrain.Shape[..1]);
        Assert.Equal(new Shape(28), xTrain.Shape[^1..]);
        Assert.Equal(new Shape(), xTrain.Shape[3..]);
        Assert.Equal(new Shape(), xTrain.Shape[2..1]);
        var model = new Sequential([new Flatten(inputShape: xTrain.Shape[1..]), new Dense(2)]);
        Assert.Equal(new Shape(28, 28), model.InputShape);
        Assert.Equal(new Shape(28, 28), new Input(shape: xTrain.Shape[1..]).Shape);
        Assert.Equal(new Shape(28, 28), new Dense(2, inputShape: xTrain.Shape[1..]).DeclaredInputShape);
    }

    [Fact]
    public void ASequentialListMayStartWithAnInput()
    {
        var model = new Sequential([new Input(shape: [4]), new Dense(3, activation: "softmax")]);
        var added = new Sequential().Add(new Input(shape: [4])).Add(new Dense(3, activation: "softmax"));
        Assert.Equal(added.InputShape, model.InputShape);
        Assert.Single(model.Layers);
        Assert.True(model.Layers[0].Built);
        Assert.Equal(new Shape(2, 3), model.Predict(Tensor.Ones(2, 4), verbose: 0).Shape);
        Assert.Contains("InputLayer can only be the first layer",
            Assert.Throws<ArgumentException>(() => new Sequential([new Dense(3), new Input(shape: [4])])).Message);
    }
}
