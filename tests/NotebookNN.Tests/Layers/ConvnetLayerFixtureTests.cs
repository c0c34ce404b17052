using System.Text.Json;
using NotebookNN.Layers;
using NotebookNN.Tests.Support;

namespace NotebookNN.Tests.Layers;

/// <summary>Pooling ("same" by TensorFlow's rule) and batch norm against PyTorch's outputs and autograd gradients
/// (Fixtures/make_convnet_layer_fixture.py).</summary>
public class ConvnetLayerFixtureTests
{
    private static readonly JsonElement Root = Fixture.Load("convnet_layer_fixture.json");

    public static TheoryData<string> PoolCases => Fixture.Names(Root.GetProperty("pooling"));
    public static TheoryData<string> NormCases => Fixture.Names(Root.GetProperty("batch_norm"));

    private static void Close(double[] expected, float[] actual, double tolerance, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * Math.Max(1, Math.Abs(expected[i])), $"{what}[{i}]: PyTorch {expected[i]}, got {actual[i]}");
    }

    [Theory]
    [MemberData(nameof(PoolCases))]
    public void PoolingMatchesPyTorchWithTensorFlowsPadding(string name)
    {
        var c = Fixture.Case(Root.GetProperty("pooling"), name);
        var shape = Fixture.Ints(c.GetProperty("shape"));
        var (pool, strides) = (Fixture.Ints(c.GetProperty("pool")), Fixture.Ints(c.GetProperty("strides")));
        string padding = c.GetProperty("padding").GetString()!;
        Pooling2D layer = c.GetProperty("kind").GetString() == "max"
            ? new MaxPooling2D((pool[0], pool[1]), (strides[0], strides[1]), padding)
            : new AveragePooling2D((pool[0], pool[1]), (strides[0], strides[1]), padding);
        var x = Fixture.Tensor(c.GetProperty("x"), shape);
        var outShape = Fixture.Ints(c.GetProperty("y_shape"));
        Tensor y;
        Tensor? dx;
        using (var tape = new GradientTape())
        {
            tape.Watch(x);
            y = layer.Call(x);
            dx = tape.Gradient(y, [x], Fixture.Tensor(c.GetProperty("weights"), outShape))[0];
        }
        Assert.Equal(new Shape(outShape), y.Shape);
        Close(Fixture.Doubles(c.GetProperty("y")), y.ToArray(), 1e-6, "y");
        Close(Fixture.Doubles(c.GetProperty("dx")), dx!.ToArray(), 1e-6, "dx");
    }

    [Theory]
    [MemberData(nameof(NormCases))]
    public void BatchNormalizationMatchesPyTorchInTraining(string name)
    {
        var c = Fixture.Case(Root.GetProperty("batch_norm"), name);
        var shape = Fixture.Ints(c.GetProperty("shape"));
        var layer = new BatchNormalization();
        var x = Fixture.Tensor(c.GetProperty("x"), shape);
        layer.EnsureBuilt(x);
        layer.Gamma!.Assign(Fixture.Tensor(c.GetProperty("gamma"), shape[^1]));
        layer.Beta!.Assign(Fixture.Tensor(c.GetProperty("beta"), shape[^1]));
        Tensor y;
        Tensor?[] grads;
        using (var tape = new GradientTape())
        {
            tape.Watch(x);
            y = layer.Call(x, training: true);
            grads = tape.Gradient(y, [x, layer.Gamma, layer.Beta], Fixture.Tensor(c.GetProperty("weights"), shape));
        }
        Close(Fixture.Doubles(c.GetProperty("y")), y.ToArray(), 2e-5, "y");
        Close(Fixture.Doubles(c.GetProperty("dx")), grads[0]!.ToArray(), 2e-4, "dx");
        Close(Fixture.Doubles(c.GetProperty("dgamma")), grads[1]!.ToArray(), 2e-4, "dgamma");
        Close(Fixture.Doubles(c.GetProperty("dbeta")), grads[2]!.ToArray(), 2e-5, "dbeta");
        Close(Fixture.Doubles(c.GetProperty("moving_mean")), layer.MovingMean!.ToArray(), 1e-6, "moving_mean");
        Close(Fixture.Doubles(c.GetProperty("moving_variance")), layer.MovingVariance!.ToArray(), 1e-6, "moving_variance");
    }
}
