using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using NotebookNN.Compute.Threading;

namespace NotebookNN.Compute.Conv;

/// <summary>
/// The adjoint of <see cref="Im2Col"/>: the input gradient dx (N, H, W, C) from the gradient of the im2col matrix,
/// each input pixel summing the entries of every (output pixel, kh, kw) whose window covers it.
/// </summary>
/// <remarks>Gathered per input pixel rather than scattered per output pixel, so every dx value is written once,
/// nothing needs clearing first, and chunks of input rows run on every core without overlapping writes; the sum
/// runs in (kh, kw) order, the same on every machine.</remarks>
internal static unsafe class Col2Im
{
    /// <summary>Writes <paramref name="dx"/> (N·H·W·C) from <paramref name="dcol"/> (g.Rows × g.Depth).</summary>
    public static void Gather(in ConvGeometry g, ReadOnlySpan<float> dcol, Span<float> dx)
    {
        if ((long)dcol.Length < (long)g.Rows * g.Depth || dx.Length < g.N * g.H * g.W * g.C)
            throw new ArgumentException("Internal: col2im buffers are smaller than the convolution's geometry.");
        int lines = g.N * g.H; // one line: an input row (n, ih) of W·C floats
        int linesPerChunk = Math.Max(1, ParallelThresholds.ChunkElements / Math.Max(1, g.W * g.C));
        int chunks = (lines + linesPerChunk - 1) / linesPerChunk;
        fixed (float* pc = dcol, px = dx)
        {
            var body = new GatherChunks { G = g, DCol = pc, Dx = px, Lines = lines, LinesPerChunk = linesPerChunk };
            ComputePool.For(chunks, ref body);
        }
    }

    private struct GatherChunks : IParallelBody
    {
        public ConvGeometry G;
        public float* DCol, Dx;
        public int Lines, LinesPerChunk;

        public readonly void Invoke(int chunk)
        {
            int l0 = chunk * LinesPerChunk, l1 = Math.Min(Lines, l0 + LinesPerChunk);
            for (int l = l0; l < l1; l++) GatherLine(in G, DCol, Dx, l / G.H, l % G.H);
        }
    }

    private static void GatherLine(in ConvGeometry g, float* dcol, float* dx, int n, int ih)
    {
        int c = g.C;
        for (int iw = 0; iw < g.W; iw++)
        {
            float* dst = dx + (((nint)n * g.H + ih) * g.W + iw) * c;
            bool first = true;
            for (int kh = 0; kh < g.KH; kh++)
            {
                int ohs = ih + g.PadTop - kh;
                if (ohs < 0 || ohs % g.SH != 0 || ohs / g.SH >= g.OH) continue;
                int oh = ohs / g.SH;
                for (int kw = 0; kw < g.KW; kw++)
                {
                    int ows = iw + g.PadLeft - kw;
                    if (ows < 0 || ows % g.SW != 0 || ows / g.SW >= g.OW) continue;
                    float* src = dcol + (((nint)n * g.OH + oh) * g.OW + ows / g.SW) * g.Depth + (kh * g.KW + kw) * c;
                    Accumulate(src, dst, c, first);
                    first = false;
                }
            }
            if (first) new Span<float>(dst, c).Clear(); // no window covers this pixel (stride larger than the kernel)
        }
    }

    /// <summary>dst = src (first term) or dst += src, over c floats.</summary>
    private static void Accumulate(float* src, float* dst, int c, bool first)
    {
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= c - 16; i += 16)
            {
                var v = Vector512.Load(src + i);
                (first ? v : v + Vector512.Load(dst + i)).Store(dst + i);
            }
        }
        if (i == c) return;
        if (c - i < 8) // narrow channels (a grayscale input): a span call per pixel and tap would cost more than the adds
        {
            for (; i < c; i++) dst[i] = first ? src[i] : dst[i] + src[i];
            return;
        }
        var s = new ReadOnlySpan<float>(src + i, c - i);
        var d = new Span<float>(dst + i, c - i);
        if (first) s.CopyTo(d);
        else TensorPrimitives.Add(d, s, d);
    }
}
