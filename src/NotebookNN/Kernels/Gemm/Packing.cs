using System.Runtime.CompilerServices;

namespace NotebookNN.Kernels;

/// <summary>
/// Copies a block of op(A) or op(B) into micro-panels the kernels stream through: panel q holds elements
/// [q·w, q·w + w) of the "wide" dimension (rows of A, columns of B) for every k, k-major, zero-padded to w.
/// The source is addressed by strides, so a transposed operand is packed straight from its stored layout:
/// element (wide i, depth p) is <c>src[i·wideStride + p·depthStride]</c>.
/// </summary>
internal static unsafe class Packing
{
    /// <summary>Packs <paramref name="count"/> × <paramref name="kc"/> elements into ceil(count / w) panels of w × kc.</summary>
    public static void Pack(float* src, nint wideStride, nint depthStride, int count, int kc, int w, float* dst)
    {
        for (int i0 = 0; i0 < count; i0 += w, dst += (nint)w * kc)
        {
            int rows = Math.Min(w, count - i0);
            float* s = src + i0 * wideStride;
            if (wideStride == 1) PackContiguous(s, depthStride, rows, kc, w, dst);
            else PackStrided(s, wideStride, depthStride, rows, kc, w, dst);
        }
    }

    /// <summary>The w values of one k step sit next to each other: one block copy per k.</summary>
    private static void PackContiguous(float* s, nint depthStride, int rows, int kc, int w, float* d)
    {
        uint bytes = (uint)(rows * sizeof(float)), pad = (uint)((w - rows) * sizeof(float));
        for (int p = 0; p < kc; p++, s += depthStride, d += w)
        {
            Unsafe.CopyBlockUnaligned(d, s, bytes);
            if (pad != 0) Unsafe.InitBlockUnaligned(d + rows, 0, pad);
        }
    }

    /// <summary>Each of the w rows is contiguous (or strided) along k: gather one value per row for every k.</summary>
    private static void PackStrided(float* s, nint wideStride, nint depthStride, int rows, int kc, int w, float* d)
    {
        if (rows < w)
            for (int p = 0; p < kc; p++) new Span<float>(d + (nint)p * w + rows, w - rows).Clear();
        for (int r = 0; r < rows; r++)
        {
            float* row = s + r * wideStride;
            float* col = d + r;
            int p = 0;
            if (depthStride == 1)
                for (; p + 4 <= kc; p += 4, col += 4 * w)
                {
                    col[0] = row[p]; col[w] = row[p + 1]; col[2 * w] = row[p + 2]; col[3 * w] = row[p + 3];
                }
            for (; p < kc; p++, col += w) col[0] = row[p * depthStride];
        }
    }
}
