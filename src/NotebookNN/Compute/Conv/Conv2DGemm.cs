using NotebookNN.Compute.Gemm;

namespace NotebookNN.Compute.Conv;

using Gemm = NotebookNN.Compute.Gemm.Gemm; // the class, not its namespace (a sibling of this one)

/// <summary>
/// A 2-D convolution's three products on the BLIS GEMM, through the im2col matrix (see <see cref="Im2Col"/>):
/// forward y = act(col · kernel + bias), input gradient dcol = dz · kernelᵀ then <see cref="Col2Im"/>, kernel
/// gradient dkernel = colᵀ · dz. All tensors are channels-last and contiguous; the kernel (KH, KW, C, F) is read as a
/// Depth × F matrix, y and dz (N, OH, OW, F) as Rows × F.
/// </summary>
/// <remarks>
/// The im2col buffer passed in sets how many images go through one product: a buffer for the whole batch keeps the
/// matrix (the training forward keeps it for the kernel gradient), a smaller one runs the batch in groups of as many
/// images as it holds, so inference over 10,000 images never holds their 2 GB of patches. A pointwise convolution
/// (1×1, stride 1) reads x as its own im2col matrix and needs no buffer.
/// </remarks>
internal static class Conv2DGemm
{
    /// <summary>y = act(im2col(x) · kernel + bias), image group by image group through <paramref name="col"/>.</summary>
    public static void Forward(in ConvGeometry g, ReadOnlySpan<float> x, ReadOnlySpan<float> kernel, ReadOnlySpan<float> bias,
        FusedActivation act, Span<float> col, Span<float> y)
    {
        var epilogue = new Epilogue(bias, act);
        if (g.IsPointwise)
        {
            Gemm.Sgemm(false, false, g.Rows, g.F, g.Depth, 1f, x, g.Depth, kernel, g.F, 0f, y, g.F, epilogue);
            return;
        }
        int group = GroupImages(in g, col.Length);
        for (int n0 = 0; n0 < g.N; n0 += group)
        {
            var s = g.WithImages(Math.Min(group, g.N - n0));
            Im2Col.Pack(in s, x.Slice(n0 * g.InputImage, s.N * g.InputImage), col);
            Gemm.Sgemm(false, false, s.Rows, g.F, g.Depth, 1f, col, g.Depth, kernel, g.F, 0f,
                y.Slice(n0 * g.OutputImage, s.N * g.OutputImage), g.F, epilogue);
        }
    }

    /// <summary>dx (N, H, W, C) from dz (Rows × F): dcol = dz · kernelᵀ gathered back onto the input pixels, group by
    /// group through the scratch <paramref name="dcol"/>; a pointwise convolution writes the product straight into dx.</summary>
    public static void InputGrad(in ConvGeometry g, ReadOnlySpan<float> dz, ReadOnlySpan<float> kernel, Span<float> dcol, Span<float> dx)
    {
        if (g.IsPointwise)
        {
            Gemm.Sgemm(false, true, g.Rows, g.Depth, g.F, 1f, dz, g.F, kernel, g.F, 0f, dx, g.Depth);
            return;
        }
        int group = GroupImages(in g, dcol.Length);
        for (int n0 = 0; n0 < g.N; n0 += group)
        {
            var s = g.WithImages(Math.Min(group, g.N - n0));
            Gemm.Sgemm(false, true, s.Rows, g.Depth, g.F, 1f, dz.Slice(n0 * g.OutputImage, s.N * g.OutputImage), g.F,
                kernel, g.F, 0f, dcol, g.Depth);
            Col2Im.Gather(in s, dcol, dx.Slice(n0 * g.InputImage, s.N * g.InputImage));
        }
    }

    /// <summary>dkernel (Depth × F) = colᵀ · dz. With <paramref name="packed"/>, <paramref name="col"/> holds the
    /// forward's whole im2col matrix; otherwise it is scratch, refilled from x group by group and the products summed.</summary>
    public static void KernelGrad(in ConvGeometry g, ReadOnlySpan<float> x, Span<float> col, bool packed, ReadOnlySpan<float> dz, Span<float> dkernel)
    {
        if (g.IsPointwise || packed)
        {
            Gemm.Sgemm(true, false, g.Depth, g.F, g.Rows, 1f, g.IsPointwise ? x : col, g.Depth, dz, g.F, 0f, dkernel, g.F);
            return;
        }
        int group = GroupImages(in g, col.Length);
        for (int n0 = 0; n0 < g.N; n0 += group)
        {
            var s = g.WithImages(Math.Min(group, g.N - n0));
            Im2Col.Pack(in s, x.Slice(n0 * g.InputImage, s.N * g.InputImage), col);
            Gemm.Sgemm(true, false, g.Depth, g.F, s.Rows, 1f, col, g.Depth, dz.Slice(n0 * g.OutputImage, s.N * g.OutputImage), g.F,
                n0 == 0 ? 0f : 1f, dkernel, g.F);
        }
    }

    /// <summary>Images per group for an im2col buffer of <paramref name="floats"/>.</summary>
    private static int GroupImages(in ConvGeometry g, int floats)
    {
        int group = Math.Min(g.N, floats / Math.Max(1, g.ColImage));
        if (group < 1 && g.N > 0)
            throw new ArgumentException($"Internal: an im2col buffer of {floats} floats cannot hold one image's patches ({g.ColImage}).");
        return Math.Max(group, 1);
    }

    /// <summary>Images per group when the im2col matrix is not kept: about <see cref="GroupFloats"/> floats of patches,
    /// at least one image, at most the batch.</summary>
    public static int ScratchImages(in ConvGeometry g) => Math.Clamp(GroupFloats / Math.Max(1, g.ColImage), 1, Math.Max(1, g.N));

    /// <summary>Target size of an im2col group (8 MiB of floats): big enough that each GEMM has thousands of rows, small
    /// enough that inference over a large batch holds little more than its outputs.</summary>
    public const int GroupFloats = 1 << 21;
}
