using NotebookNN.Compute.Conv;
using NotebookNN.Compute.Gemm;
using NotebookNN.Tests.Support;
using static NotebookNN.Tests.Tensors.MatMulTests;

namespace NotebookNN.Tests.Convolution;

/// <summary>
/// conv2d's two ways through the forward and the fused backward, each against the float64 definition: the direct
/// kernels (shallow depth, whole 8-float vectors of filters) and blocked im2col + GEMM, the boundary between them
/// (depth 32 and 33), each way forced onto the other's cases, every GEMM path this machine has, blocks that cross
/// images (forward) and several blocks within one image (backward), and the gradients asked for one at a time.
/// </summary>
public class Conv2DPathTests
{
    /// <summary>N, H, W, C, KH, KW, F, SH, SW, same.</summary>
    public static TheoryData<int, int, int, int, int, int, int, int, int, bool> Cases => new()
    {
        { 1, 11, 9, 1, 3, 3, 32, 1, 1, true },    // conv1's shape, odd sizes, batch 1: direct
        { 3, 13, 11, 3, 3, 3, 16, 2, 2, true },   // RGB, stride 2: direct (depth 27)
        { 3, 10, 9, 2, 2, 3, 8, 3, 3, false },    // stride 3, non-square kernel: direct
        { 32, 7, 9, 1, 3, 3, 24, 1, 2, false },   // batch 32, 16 + 8 filters: direct
        { 3, 7, 8, 2, 4, 4, 16, 1, 1, true },     // depth 32: the deepest direct
        { 3, 7, 13, 1, 3, 11, 16, 1, 1, true },   // depth 33: the shallowest blocked GEMM
        { 3, 14, 14, 32, 3, 3, 64, 1, 1, true },  // conv2's shape: forward blocks cross images
        { 1, 21, 20, 32, 3, 3, 8, 1, 1, true },   // 420 pixels of depth 288: several backward blocks in one image
        { 3, 9, 9, 5, 3, 3, 12, 3, 2, false },    // blocked, strides 3 × 2, filters not a whole vector
        { 3, 6, 5, 16, 1, 1, 8, 1, 1, false },    // pointwise
    };

    private static readonly FusedActivation[] Activations = [FusedActivation.Linear, FusedActivation.Relu, FusedActivation.Tanh];

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryPath_MatchesFloat64(int n, int h, int w, int c, int kh, int kw, int f, int sh, int sw, bool same)
    {
        var r = new ConvReference(n, h, w, c, kh, kw, f, sh, sw, same);
        var rng = new Random(n * 31 + h * 7 + c + f);
        var x = Random(rng, n, h, w, c); var k = Random(rng, kh, kw, c, f); var b = Random(rng, f);
        foreach (bool? direct in new bool?[] { null, true, false })
        {
            if (direct == true && (f % 8 != 0 || !System.Runtime.Intrinsics.X86.Fma.IsSupported)) continue;
            foreach (var isa in Enum.GetValues<GemmIsa>().Where(i => i <= Gemm.BestIsa))
            {
                DirectConv.Forced = direct;
                Gemm.ForcedIsa = isa;
                try { Check(r, x, k, b, $"direct={direct?.ToString() ?? "auto"} {isa}"); }
                finally { DirectConv.Forced = null; Gemm.ForcedIsa = null; }
            }
        }
    }

    private static void Check(ConvReference r, Tensor x, Tensor k, Tensor b, string path)
    {
        var z = r.Forward(x.ToArray(), k.ToArray(), b.ToArray());
        double fwdTol = 1e-5 * (1 + r.C * r.KH * r.KW);
        double bwdTol = 1e-5 * (1 + Math.Max(r.F * r.KH * r.KW, r.N * r.OH * r.OW));
        var rng = new Random(5);
        foreach (var act in Activations)
        {
            var up = Random(rng, r.N, r.OH, r.OW, r.F);
            Tensor?[] grads;
            Tensor y;
            using (var tape = new GradientTape())
            {
                tape.Watch(x); tape.Watch(k); tape.Watch(b);
                y = Tensor.Conv2D(x, k, b, r.SH, r.SW, r.Same, act);
                grads = tape.Gradient(y, [x, k, b], up);
            }
            var want = z.Select(v => act switch { FusedActivation.Relu => Math.Max(v, 0), FusedActivation.Tanh => Math.Tanh(v), _ => v }).ToArray();
            Fixture.Close(want, y.ToArray(), fwdTol, $"{path} {act} y");
            var ys = y.ToArray();
            var dz = up.ToArray().Select((g, i) => act switch
            {
                FusedActivation.Relu => ys[i] > 0 ? g : 0.0,
                FusedActivation.Tanh => g * (1 - (double)ys[i] * ys[i]),
                _ => g,
            }).ToArray();
            var (dx, dk, db) = r.Backward(x.ToArray(), k.ToArray(), dz);
            Fixture.Close(dx, grads[0]!.ToArray(), bwdTol, $"{path} {act} dx");
            Fixture.Close(dk, grads[1]!.ToArray(), bwdTol, $"{path} {act} dkernel");
            Fixture.Close(db, grads[2]!.ToArray(), bwdTol, $"{path} {act} dbias");
        }
    }

    [Theory]
    [InlineData(3, 8, 7, 1, 3, 3, 16, 1, 1, true)]   // direct kernel gradient
    [InlineData(3, 8, 7, 4, 3, 3, 8, 2, 2, true)]    // blocked GEMM
    public void KernelGradientAlone_WhenTheInputNeedsNone(int n, int h, int w, int c, int kh, int kw, int f, int sh, int sw, bool same)
    {
        // a first layer: its input is data, not watched, so the backward computes no dx (the tape gets null)
        var r = new ConvReference(n, h, w, c, kh, kw, f, sh, sw, same);
        var rng = new Random(11);
        var x = Random(rng, n, h, w, c); var k = Random(rng, kh, kw, c, f); var b = Random(rng, f);
        var up = Random(rng, n, r.OH, r.OW, f);
        Tensor?[] grads;
        Tensor y;
        using (var tape = new GradientTape())
        {
            tape.Watch(k); tape.Watch(b);
            y = Tensor.Conv2D(x, k, b, sh, sw, same, FusedActivation.Relu);
            grads = tape.Gradient(y, [x, k, b], up);
        }
        Assert.Null(grads[0]);
        var ys = y.ToArray();
        var dz = up.ToArray().Select((g, i) => ys[i] > 0 ? g : 0.0).ToArray();
        var (_, dk, db) = r.Backward(x.ToArray(), k.ToArray(), dz);
        double tol = 1e-5 * (1 + Math.Max(f * kh * kw, n * r.OH * r.OW));
        Fixture.Close(dk, grads[1]!.ToArray(), tol, "dkernel");
        Fixture.Close(db, grads[2]!.ToArray(), tol, "dbias");
    }

    [Theory]
    [InlineData(1, 6, 5, 1, 3, 3, 8, 1, 1, true)]    // direct, batch 1
    [InlineData(3, 7, 6, 2, 2, 3, 16, 3, 2, false)]  // direct, strides 3 × 2
    [InlineData(2, 6, 5, 5, 3, 3, 8, 2, 2, true)]    // blocked GEMM (depth 45), stride 2
    public void Gradients_MatchFiniteDifferences(int n, int h, int w, int c, int kh, int kw, int f, int sh, int sw, bool same)
    {
        var rng = new Random(13);
        var x = Random(rng, n, h, w, c); var k = Random(rng, kh, kw, c, f); var b = Random(rng, f);
        GradCheck.Check(t => Tensor.Conv2D(t[0], t[1], t[2], sh, sw, same, FusedActivation.Tanh), [x, k, b], step: 1e-3);
    }
}
