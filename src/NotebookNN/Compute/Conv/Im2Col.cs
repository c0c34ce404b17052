using NotebookNN.Compute.Threading;

namespace NotebookNN.Compute.Conv;

/// <summary>
/// Lays the input patches of a convolution out as a matrix (im2col): row (n, oh, ow) holds the KH × KW × C window
/// under that output pixel, zeros where it hangs over the padding. Row-major in (kh, kw, c), the order of the
/// kernel's rows, so the convolution is one GEMM: col (Rows × Depth) · kernel (Depth × F).
/// </summary>
/// <remarks>Along kw the window's pixels are consecutive input pixels, so each (row, kh) is one contiguous copy of
/// up to KW·C floats with zeros at the clipped ends. Rows are independent: chunks of rows run on every core.</remarks>
internal static unsafe class Im2Col
{
    /// <summary>Fills <paramref name="col"/> (g.Rows × g.Depth) from <paramref name="x"/> (N, H, W, C).</summary>
    public static void Pack(in ConvGeometry g, ReadOnlySpan<float> x, Span<float> col)
    {
        if ((long)col.Length < (long)g.Rows * g.Depth || x.Length < g.N * g.H * g.W * g.C)
            throw new ArgumentException("Internal: im2col buffers are smaller than the convolution's geometry.");
        int rowsPerChunk = Math.Max(1, ParallelThresholds.ChunkElements / Math.Max(1, g.Depth));
        int chunks = (g.Rows + rowsPerChunk - 1) / rowsPerChunk;
        fixed (float* px = x, pc = col)
        {
            var body = new PackChunks { G = g, X = px, Col = pc, RowsPerChunk = rowsPerChunk };
            ComputePool.For(chunks, ref body);
        }
    }

    private struct PackChunks : IParallelBody
    {
        public ConvGeometry G;
        public float* X, Col;
        public int RowsPerChunk;

        public readonly void Invoke(int chunk)
        {
            int r0 = chunk * RowsPerChunk, r1 = Math.Min(G.Rows, r0 + RowsPerChunk);
            for (int r = r0; r < r1; r++) PackRow(in G, X, Col + (nint)r * G.Depth, r);
        }
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
