using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NotebookNN.Compute.Gemm;

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
        if (rows == 48 && w == 48 && Vector512.IsHardwareAccelerated)
        {
            // the AVX-512 kernel's full B micro-panels: three vector copies per k instead of a block-copy call
            for (int p = 0; p < kc; p++, s += depthStride, d += w)
            {
                Vector512.Store(Vector512.Load(s), d);
                Vector512.Store(Vector512.Load(s + 16), d + 16);
                Vector512.Store(Vector512.Load(s + 32), d + 32);
            }
            return;
        }
        if (rows == 16 && w == 16 && Vector256.IsHardwareAccelerated)
        {
            // the AVX2 kernel's full B micro-panels: two vector copies per k instead of a block-copy call
            for (int p = 0; p < kc; p++, s += depthStride, d += 16)
            {
                Vector256.Store(Vector256.Load(s), d);
                Vector256.Store(Vector256.Load(s + 8), d + 8);
            }
            return;
        }
        if (rows == 8 && w == 8 && Vector256.IsHardwareAccelerated)
        {
            // the AVX-512 kernel's full A micro-panels of a transposed A (eight rows side by side per k)
            for (int p = 0; p < kc; p++, s += depthStride, d += 8) Vector256.Store(Vector256.Load(s), d);
            return;
        }
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
        if (depthStride == 1 && Avx.IsSupported)
            for (; r + 8 <= rows; r += 8) Transpose8Rows(s + r * wideStride, wideStride, kc, w, d + r);
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

    /// <summary>Eight rows contiguous along k, written as eight values per k (the AVX-512 kernel's A micro-panel, half
    /// of the AVX2 kernel's B micro-panel of a transposed B) w apart: 8 × 8 AVX transposes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Transpose8Rows(float* s, nint wideStride, int kc, int w, float* d)
    {
        float* r0 = s, r1 = s + wideStride, r2 = s + 2 * wideStride, r3 = s + 3 * wideStride;
        float* r4 = s + 4 * wideStride, r5 = s + 5 * wideStride, r6 = s + 6 * wideStride, r7 = s + 7 * wideStride;
        int p = 0;
        for (; p + 8 <= kc; p += 8, d += 8 * w)
        {
            var a0 = Avx.LoadVector256(r0 + p); var a1 = Avx.LoadVector256(r1 + p);
            var a2 = Avx.LoadVector256(r2 + p); var a3 = Avx.LoadVector256(r3 + p);
            var a4 = Avx.LoadVector256(r4 + p); var a5 = Avx.LoadVector256(r5 + p);
            var a6 = Avx.LoadVector256(r6 + p); var a7 = Avx.LoadVector256(r7 + p);
            // pairs of rows interleaved: t0 = r0[0] r1[0] r0[1] r1[1] | r0[4] r1[4] r0[5] r1[5], ...
            var t0 = Avx.UnpackLow(a0, a1); var t1 = Avx.UnpackHigh(a0, a1);
            var t2 = Avx.UnpackLow(a2, a3); var t3 = Avx.UnpackHigh(a2, a3);
            var t4 = Avx.UnpackLow(a4, a5); var t5 = Avx.UnpackHigh(a4, a5);
            var t6 = Avx.UnpackLow(a6, a7); var t7 = Avx.UnpackHigh(a6, a7);
            // four rows per k within each 128-bit lane: u0 = rows 0-3 of k 0 | k 4, u1 = k 1 | k 5, ...
            var u0 = Avx.Shuffle(t0, t2, 0x44); var u1 = Avx.Shuffle(t0, t2, 0xEE);
            var u2 = Avx.Shuffle(t1, t3, 0x44); var u3 = Avx.Shuffle(t1, t3, 0xEE);
            var u4 = Avx.Shuffle(t4, t6, 0x44); var u5 = Avx.Shuffle(t4, t6, 0xEE);
            var u6 = Avx.Shuffle(t5, t7, 0x44); var u7 = Avx.Shuffle(t5, t7, 0xEE);
            // rows 0-3 and 4-7 joined: one k per vector
            Avx.Store(d + 0 * w, Avx.Permute2x128(u0, u4, 0x20));
            Avx.Store(d + 1 * w, Avx.Permute2x128(u1, u5, 0x20));
            Avx.Store(d + 2 * w, Avx.Permute2x128(u2, u6, 0x20));
            Avx.Store(d + 3 * w, Avx.Permute2x128(u3, u7, 0x20));
            Avx.Store(d + 4 * w, Avx.Permute2x128(u0, u4, 0x31));
            Avx.Store(d + 5 * w, Avx.Permute2x128(u1, u5, 0x31));
            Avx.Store(d + 6 * w, Avx.Permute2x128(u2, u6, 0x31));
            Avx.Store(d + 7 * w, Avx.Permute2x128(u3, u7, 0x31));
        }
        for (; p < kc; p++, d += w)
        {
            d[0] = r0[p]; d[1] = r1[p]; d[2] = r2[p]; d[3] = r3[p];
            d[4] = r4[p]; d[5] = r5[p]; d[6] = r6[p]; d[7] = r7[p];
        }
    }
}
