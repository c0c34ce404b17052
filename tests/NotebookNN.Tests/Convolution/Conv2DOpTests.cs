using NotebookNN.Compute.Gemm;
using NotebookNN.Tests.Support;
using static NotebookNN.Tests.Tensors.MatMulTests;

namespace NotebookNN.Tests.Convolution;

/// <summary>The fused conv2d op (im2col on the BLIS GEMM) against the float64 definition and finite differences.</summary>
public class Conv2DOpTests
{
    /// <summary>N, H, W, C, KH, KW, F, SH, SW, same: odd sizes, strides 1 and 2, non-square kernels and strides,
    /// both paddings, batches 1, 3 and 32, a pointwise (1×1) case, a stride larger than the kernel, and widths that
    /// fill whole 16-float vectors plus a tail.</summary>
    public static TheoryData<int, int, int, int, int, int, int, int, int, bool> Cases => new()
    {
        { 1, 5, 5, 1, 2, 2, 3, 2, 2, true },
        { 3, 6, 6, 2, 3, 3, 4, 2, 2, true },
        { 3, 7, 5, 3, 3, 2, 5, 1, 2, true },
        { 3, 7, 5, 3, 3, 2, 5, 2, 1, false },
        { 1, 9, 8, 2, 4, 3, 17, 3, 2, true },
        { 3, 9, 8, 2, 4, 3, 17, 1, 1, false },
        { 32, 7, 7, 1, 3, 3, 8, 1, 1, true },
        { 32, 7, 7, 3, 3, 3, 4, 2, 2, false },
        { 3, 5, 6, 19, 1, 1, 7, 1, 1, false },
        { 3, 8, 7, 2, 2, 2, 3, 3, 3, false },
        { 1, 4, 4, 33, 3, 3, 2, 1, 1, true },
        { 1, 3, 3, 2, 3, 3, 2, 1, 1, false },
    };

    private static (ConvReference R, Tensor X, Tensor K, Tensor B) Setup(int n, int h, int w, int c, int kh, int kw, int f, int sh, int sw, bool same)
    {
        var rng = new Random(n * 1000 + h * 100 + c * 10 + f);
        return (new ConvReference(n, h, w, c, kh, kw, f, sh, sw, same), Random(rng, n, h, w, c), Random(rng, kh, kw, c, f), Random(rng, f));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Forward_MatchesFloat64Definition(int n, int h, int w, int c, int kh, int kw, int f, int sh, int sw, bool same)
    {
        var (r, x, k, b) = Setup(n, h, w, c, kh, kw, f, sh, sw, same);
        foreach (var act in new[] { FusedActivation.Linear, FusedActivation.Relu, FusedActivation.Tanh })
        {
            var y = Tensor.Conv2D(x, k, act == FusedActivation.Tanh ? null : b, sh, sw, same, act);
            Assert.Equal($"({n}, {r.OH}, {r.OW}, {f})", y.Shape.ToString());
            var z = r.Forward(x.ToArray(), k.ToArray(), act == FusedActivation.Tanh ? null : b.ToArray());
            var want = z.Select(v => act switch { FusedActivation.Relu => Math.Max(v, 0), FusedActivation.Tanh => Math.Tanh(v), _ => v }).ToArray();
            Fixture.Close(want, y.ToArray(), 1e-5 * (1 + c * kh * kw), $"{act} y");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Backward_MatchesFloat64Adjoint(int n, int h, int w, int c, int kh, int kw, int f, int sh, int sw, bool same)
    {
        var (r, x, k, b) = Setup(n, h, w, c, kh, kw, f, sh, sw, same);
        var rng = new Random(7);
        foreach (var act in new[] { FusedActivation.Linear, FusedActivation.Relu })
        {
            var up = Random(rng, n, r.OH, r.OW, f);
            Tensor?[] grads;
            Tensor y;
            using (var tape = new GradientTape())
            {
                tape.Watch(x); tape.Watch(k); tape.Watch(b);
                y = Tensor.Conv2D(x, k, b, sh, sw, same, act);
                grads = tape.Gradient(y, [x, k, b], up);
            }
            var ys = y.ToArray();
            var dz = up.ToArray().Select((g, i) => act == FusedActivation.Relu && !(ys[i] > 0) ? 0.0 : g).ToArray();
            var (dx, dk, db) = r.Backward(x.ToArray(), k.ToArray(), dz);
            double tol = 1e-5 * (1 + Math.Max(f * kh * kw, n * r.OH * r.OW));
            Fixture.Close(dx, grads[0]!.ToArray(), tol, $"{act} dx");
            Fixture.Close(dk, grads[1]!.ToArray(), tol, $"{act} dkernel");
            Fixture.Close(db, grads[2]!.ToArray(), tol, $"{act} dbias");
        }
    }

    [Theory]
    [InlineData(1, 5, 5, 1, 2, 2, 2, 2, 2, true)]
    [InlineData(2, 6, 5, 2, 3, 3, 3, 2, 1, true)]
    [InlineData(3, 5, 4, 2, 2, 3, 2, 1, 2, false)]
    [InlineData(2, 4, 4, 3, 1, 1, 2, 1, 1, false)]
    public void Gradients_MatchFiniteDifferences(int n, int h, int w, int c, int kh, int kw, int f, int sh, int sw, bool same)
    {
        var (_, x, k, b) = Setup(n, h, w, c, kh, kw, f, sh, sw, same);
        GradCheck.Check(t => Tensor.Conv2D(t[0], t[1], t[2], sh, sw, same, FusedActivation.Tanh), [x, k, b], step: 1e-3);
        GradCheck.Check(t => Tensor.Conv2D(t[0], t[1], null, sh, sw, same, FusedActivation.Linear), [x, k], step: 1e-3);
    }

    [Fact]
    public void InferenceOverManyImages_RunsInGroups_WithTheSameResult()
    {
        // 300 images of 12×12×24 with a 5×5 kernel: 300 · 144 · 600 floats of patches, more than one im2col group
        var rng = new Random(3);
        var x = Random(rng, 300, 12, 12, 24); var k = Random(rng, 5, 5, 24, 6); var b = Random(rng, 6);
        var all = Tensor.Conv2D(x, k, b, 1, 1, true, FusedActivation.Relu).ToArray();
        var r = new ConvReference(1, 12, 12, 24, 5, 5, 6, 1, 1, true);
        int per = 12 * 12 * 6;
        foreach (int i in new[] { 0, 150, 299 })
        {
            var want = r.Forward(x[i..(i + 1)].ToArray(), k.ToArray(), b.ToArray()).Select(v => Math.Max(v, 0)).ToArray();
            Fixture.Close(want, all[(i * per)..((i + 1) * per)], 1e-4, $"image {i}");
        }
    }

    [Fact]
    public void BadShapes_ThrowNamingThem()
    {
        var e = Assert.Throws<ArgumentException>(() => Tensor.Conv2D(Tensor.Zeros([2, 5, 5]), Tensor.Zeros([3, 3, 1, 2]), null, 1, 1, false, FusedActivation.Linear));
        Assert.Contains("input.shape=(2, 5, 5)", e.Message);
        e = Assert.Throws<ArgumentException>(() => Tensor.Conv2D(Tensor.Zeros([2, 5, 5, 3]), Tensor.Zeros([3, 3, 1, 2]), null, 1, 1, false, FusedActivation.Linear));
        Assert.Contains("kernel.shape=(3, 3, 1, 2)", e.Message);
        e = Assert.Throws<ArgumentException>(() => Tensor.Conv2D(Tensor.Zeros([2, 2, 5, 1]), Tensor.Zeros([3, 3, 1, 2]), null, 1, 1, false, FusedActivation.Linear));
        Assert.Contains("Computed output size would be negative", e.Message);
        e = Assert.Throws<ArgumentException>(() => Tensor.Conv2D(Tensor.Zeros([2, 5, 5, 1]), Tensor.Zeros([3, 3, 1, 2]), Tensor.Zeros([3]), 1, 1, false, FusedActivation.Linear));
        Assert.Contains("bias.shape=(3,)", e.Message);
    }
}
