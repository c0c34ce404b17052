namespace NotebookNN.Compute.Conv;

/// <summary>
/// Lays the input patches of a convolution out as a matrix (im2col): row (n, oh, ow) holds the KH × KW × C window
/// under that output pixel, zeros where it hangs over the padding. Row-major in (kh, kw, c), the order of the
/// kernel's rows, so a block of output pixels is one GEMM: col (rows × Depth) · kernel (Depth × F).
/// </summary>
/// <remarks>Along kw the window's pixels are consecutive input pixels, so each (row, kh) is one contiguous copy of
/// up to KW·C floats with zeros at the clipped ends. Only a block of rows is laid out at a time (see
/// <see cref="Conv2DGemm"/>): the matrix of a whole batch is never built.</remarks>
internal static unsafe class Im2Col
{
    /// <summary>Rows [r0, r1) of the im2col matrix of x (N, H, W, C) into <paramref name="col"/> ((r1 − r0) × Depth).</summary>
    public static void PackRows(in ConvGeometry g, float* x, float* col, int r0, int r1)
    {
        for (int r = r0; r < r1; r++) PackRow(in g, x, col + (nint)(r - r0) * g.Depth, r);
    }

    /// <summary>Row r = (n, oh, ow) of the im2col matrix into <paramref name="dst"/>.</summary>
    private static void PackRow(in ConvGeometry g, float* x, float* dst, int r)
    {
        int ow = r % g.OW, t = r / g.OW, oh = t % g.OH, n = t / g.OH;
        int iw0 = ow * g.SW - g.PadLeft;
        int kwLo = Math.Max(0, -iw0), kwHi = Math.Min(g.KW, g.W - iw0);
        int c = g.C, span = g.KW * c;
        for (int kh = 0; kh < g.KH; kh++, dst += span)
        {
            int ih = oh * g.SH - g.PadTop + kh;
            if ((uint)ih >= (uint)g.H || kwHi <= kwLo)
            {
                new Span<float>(dst, span).Clear();
                continue;
            }
            if (kwLo > 0) new Span<float>(dst, kwLo * c).Clear();
            float* src = x + (((nint)n * g.H + ih) * g.W + iw0 + kwLo) * c;
            int len = (kwHi - kwLo) * c;
            if (len <= 4) for (int i = 0; i < len; i++) dst[kwLo * c + i] = src[i];
            else Buffer.MemoryCopy(src, dst + kwLo * c, (long)len * sizeof(float), (long)len * sizeof(float));
            if (kwHi < g.KW) new Span<float>(dst + kwHi * c, (g.KW - kwHi) * c).Clear();
        }
    }
}
