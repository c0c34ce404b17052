using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackStrided(float* s, nint wideStride, nint depthStride, int rows, int kc, int w, float* d)
    {
        if (rows < w)
            for (int p = 0; p < kc; p++) new Span<float>(d + (nint)p * w + rows, w - rows).Clear();
        int r = 0;
        if (depthStride == 1 && Sse.IsSupported)
            for (; r + 4 <= rows; r += 4) Transpose4Rows(s + r * wideStride, wideStride, kc, w, d + r);
        for (; r < rows; r++)
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

    /// <summary>Four rows contiguous along k, written as four values per k: 4 × 4 SSE transposes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Transpose4Rows(float* s, nint wideStride, int kc, int w, float* d)
    {
        float* r0 = s, r1 = s + wideStride, r2 = s + 2 * wideStride, r3 = s + 3 * wideStride;
        int p = 0;
        for (; p + 4 <= kc; p += 4, d += 4 * w)
        {
            var a = Sse.LoadVector128(r0 + p); var b = Sse.LoadVector128(r1 + p);
            var c = Sse.LoadVector128(r2 + p); var e = Sse.LoadVector128(r3 + p);
            var ab01 = Sse.UnpackLow(a, b); var ce01 = Sse.UnpackLow(c, e);   // a0 b0 a1 b1 | c0 e0 c1 e1
            var ab23 = Sse.UnpackHigh(a, b); var ce23 = Sse.UnpackHigh(c, e); // a2 b2 a3 b3 | c2 e2 c3 e3
            Sse.Store(d, Sse.MoveLowToHigh(ab01, ce01));
            Sse.Store(d + w, Sse.MoveHighToLow(ce01, ab01));
            Sse.Store(d + 2 * w, Sse.MoveLowToHigh(ab23, ce23));
            Sse.Store(d + 3 * w, Sse.MoveHighToLow(ce23, ab23));
        }
        for (; p < kc; p++, d += w) { d[0] = r0[p]; d[1] = r1[p]; d[2] = r2[p]; d[3] = r3[p]; }
    }
}
