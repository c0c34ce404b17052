namespace NotebookNN.Compute.Conv;

/// <summary>
/// The sizes of one 2-D convolution over channels-last images: input (N, H, W, C), kernel (KH, KW, C, F), output
/// (N, OH, OW, F), strides (SH, SW) and the zero padding before the first row / column (PadTop, PadLeft).
/// </summary>
/// <remarks>
/// As a matrix product (im2col): rows are the output pixels (n, oh, ow), <see cref="Rows"/> of them; the depth is
/// (kh, kw, c), <see cref="Depth"/> = KH·KW·C, which is the kernel's (KH, KW, C, F) layout read as a Depth × F matrix.
/// </remarks>
internal readonly record struct ConvGeometry(int N, int H, int W, int C, int KH, int KW, int F,
    int SH, int SW, int OH, int OW, int PadTop, int PadLeft)
{
    /// <summary>The geometry for "valid" (no padding) or "same" padding as TensorFlow computes it: the output has
    /// ceil(in / stride) pixels, pad_total = max((out − 1)·stride + k − in, 0), pad_before = pad_total / 2 (floor),
    /// the odd pixel after. For "valid", out = floor((in − k) / stride) + 1, which is below 1 when k &gt; in.</summary>
    public static ConvGeometry Create(int n, int h, int w, int c, int kh, int kw, int f, int sh, int sw, bool same)
    {
        var (oh, padTop) = Axis(h, kh, sh, same);
        var (ow, padLeft) = Axis(w, kw, sw, same);
        return new ConvGeometry(n, h, w, c, kh, kw, f, sh, sw, oh, ow, padTop, padLeft);
    }

    /// <summary>Output size and padding before along one spatial axis (may return out ≤ 0 for "valid": the caller reports it).</summary>
    public static (int Out, int PadBefore) Axis(int input, int kernel, int stride, bool same)
    {
        if (!same) return (input >= kernel ? (input - kernel) / stride + 1 : 0, 0);
        int output = (input + stride - 1) / stride;
        int total = Math.Max((output - 1) * stride + kernel - input, 0);
        return (output, total / 2);
    }

    /// <summary>Output pixels over the batch: the rows of the im2col matrix.</summary>
    public int Rows => N * OH * OW;

    /// <summary>KH·KW·C: the depth of the product, the kernel's rows.</summary>
    public int Depth => KH * KW * C;

    /// <summary>True when every output pixel reads exactly one input pixel in place (1×1, stride 1): the input is its own im2col matrix.</summary>
    public bool IsPointwise => KH == 1 && KW == 1 && SH == 1 && SW == 1 && OH == H && OW == W;

    /// <summary>Floats of one input image (H·W·C) and one output image (OH·OW·F).</summary>
    public int InputImage => H * W * C;
    public int OutputImage => OH * OW * F;

    /// <summary>Floating-point operations of the forward product (2·Rows·Depth·F); each backward product costs the same.</summary>
    public long Flops => 2L * Rows * Depth * F;
}
