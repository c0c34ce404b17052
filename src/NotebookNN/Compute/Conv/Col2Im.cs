using System.Numerics.Tensors;

namespace NotebookNN.Compute.Conv;

/// <summary>
/// The adjoint of <see cref="Im2Col"/>: adds the gradient of a block of im2col rows onto the input pixels their
/// windows cover, dx (N, H, W, C). Each (row, kh) is one contiguous run of up to KW·C floats, as in the forward.
/// </summary>
/// <remarks>Windows of neighbouring rows overlap, so the caller runs every block of one image on the same thread
/// (see <see cref="ConvBackward"/>) and clears that image's dx first; the sums run in row order, the same on every
/// machine.</remarks>
internal static unsafe class Col2Im
{
    /// <summary>dx += the windows of rows [r0, r1) of <paramref name="dcol"/> ((r1 − r0) × Depth).</summary>
    public static void ScatterRows(in ConvGeometry g, float* dcol, float* dx, int r0, int r1)
    {
        int c = g.C;
        for (int r = r0; r < r1; r++)
        {
            int ow = r % g.OW, t = r / g.OW, oh = t % g.OH, n = t / g.OH;
            int iw0 = ow * g.SW - g.PadLeft;
            int kwLo = Math.Max(0, -iw0), kwHi = Math.Min(g.KW, g.W - iw0);
            if (kwHi <= kwLo) continue;
            int len = (kwHi - kwLo) * c;
            float* src = dcol + (nint)(r - r0) * g.Depth + kwLo * c;
            for (int kh = 0; kh < g.KH; kh++, src += g.KW * c)
            {
                int ih = oh * g.SH - g.PadTop + kh;
                if ((uint)ih >= (uint)g.H) continue;
                float* dst = dx + (((nint)n * g.H + ih) * g.W + iw0 + kwLo) * c;
                if (len < 8) for (int i = 0; i < len; i++) dst[i] += src[i];
                else
                {
                    var d = new Span<float>(dst, len);
                    TensorPrimitives.Add(d, new ReadOnlySpan<float>(src, len), d);
                }
            }
        }
    }
}
