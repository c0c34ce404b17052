using System.Text.Json;
using NotebookNN.Layers;
using NotebookNN.Tests.Support;

namespace NotebookNN.Tests.Convolution;

/// <summary>
/// The Conv2D layer against PyTorch in float64 (Fixtures/make_conv2d_fixture.py): TensorFlow's "same" padding applied
/// explicitly there (5 → 3 with kernel 2 stride 2, 6 → 3 with kernel 3 stride 2, asymmetric kernels and strides), so
/// shape and placement of every output pixel, and the gradients of sum(w · relu(conv + b)).
/// </summary>
public class Conv2DFixtureTests
{
    private static readonly JsonElement Cases = Fixture.Load("conv2d_fixture.json").GetProperty("cases");

    public static TheoryData<string> Names => Fixture.Names(Cases);

    [Theory]
    [MemberData(nameof(Names))]
    public void LayerForwardAndGradients_MatchPyTorch(string name)
    {
        var c = Fixture.Case(Cases, name);
        var xShape = Fixture.Ints(c.GetProperty("x_shape"));
        var ks = Fixture.Ints(c.GetProperty("kernel_size"));
        var st = Fixture.Ints(c.GetProperty("strides"));
        int filters = c.GetProperty("filters").GetInt32();
        var layer = new Conv2D(filters, (ks[0], ks[1]), strides: (st[0], st[1]), padding: c.GetProperty("padding").GetString()!,
            activation: "relu", inputShape: xShape[1..]);
        var x = Fixture.Tensor(c.GetProperty("x"), xShape);
        layer.EnsureBuilt(x);
        layer.SetWeights([Fixture.Tensor(c.GetProperty("kernel"), ks[0], ks[1], xShape[3], filters), Fixture.Tensor(c.GetProperty("bias"), filters)]);
        var yShape = Fixture.Ints(c.GetProperty("y_shape"));
        Assert.Equal(new Shape(yShape[1..]), layer.ComputeOutputShape(new Shape(xShape[1..])));

        Tensor y;
        Tensor?[] grads;
        using (var tape = new GradientTape())
        {
            tape.Watch(x);
            y = layer.Invoke(x, training: true);
            grads = tape.Gradient(y, [x, layer.Kernel!, layer.Bias!], Fixture.Tensor(c.GetProperty("upstream"), yShape));
        }
        Assert.Equal(new Shape(yShape), y.Shape);
        Fixture.Close(Fixture.Doubles(c.GetProperty("y")), y.ToArray(), 1e-5, "y");
        Fixture.Close(Fixture.Doubles(c.GetProperty("dx")), grads[0]!.ToArray(), 1e-5, "dx");
        Fixture.Close(Fixture.Doubles(c.GetProperty("dkernel")), grads[1]!.ToArray(), 1e-5, "dkernel");
        Fixture.Close(Fixture.Doubles(c.GetProperty("dbias")), grads[2]!.ToArray(), 1e-5, "dbias");
    }

    [Theory]
    [InlineData(5, 2, 2, 3, 0)]  // pad_total 1: nothing before, one after
    [InlineData(6, 3, 2, 3, 0)]  // pad_total 1
    [InlineData(7, 3, 2, 4, 1)]  // pad_total 2: one each side
    [InlineData(4, 4, 1, 4, 1)]  // pad_total 3: one before, two after
    [InlineData(8, 5, 3, 3, 1)]  // pad_total 3
    [InlineData(9, 1, 2, 5, 0)]  // a 1-wide kernel needs no padding
    public void SamePadding_PlacesEachWindowAsTensorFlow(int size, int kernel, int stride, int outSize, int padBefore)
    {
        // a kernel that is 1 at its top-left tap only: output (i, j) is the input pixel under that tap, or 0 in the padding
        var layer = new Conv2D(1, kernel, strides: stride, padding: "same", useBias: false, inputShape: [size, size, 1]);
        var x = Tensor.From([.. Enumerable.Range(1, size * size).Select(v => (float)v)], [1, size, size, 1]);
        layer.EnsureBuilt(x);
        var k = new float[kernel * kernel];
        k[0] = 1;
        layer.SetWeights([Tensor.From(k, [kernel, kernel, 1, 1])]);
        var y = layer.Invoke(x);
        Assert.Equal(new Shape([1, outSize, outSize, 1]), y.Shape);
        var got = y.ToArray();
        for (int i = 0; i < outSize; i++)
            for (int j = 0; j < outSize; j++)
            {
                int r = i * stride - padBefore, col = j * stride - padBefore;
                float want = r < 0 || col < 0 ? 0 : r * size + col + 1;
                Assert.Equal(want, got[i * outSize + j]);
            }
    }
}
