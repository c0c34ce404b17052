using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NotebookNN.Compute.Conv;

/// <summary>
/// The direct forward's register tile: TP (≤ 6) consecutive output pixels of a row × TW (1 or 2) AVX2 vectors of
/// filters, accumulated over every tap (one broadcast of the input and one FMA per pixel and vector), started from the
/// bias and stored once after ReLU. 12 accumulators, 2 kernel vectors and a broadcast: 15 of the 16 registers.
/// </summary>
internal static unsafe class DirectConvForward
{
    private const int Pixels = 6;

    /// <summary>Output rows [oh0, oh1) of one image from its padded copy <paramref name="xp"/> into <paramref name="y"/>
    /// (row oh0's first pixel).</summary>
    public static void Rows(in ConvGeometry g, float* xp, int* offsets, float* kernel, float* bias, bool relu, int oh0, int oh1, float* y)
    {
        int wp = DirectConv.Padded(in g).Wp, f = g.F, taps = g.Depth;
        nint step = (nint)g.SW * g.C;
        for (int j = 0; j < f; j += 16) // filters outer: one block's kernel columns stay in L1 over all the pixels
        {
            float* b = bias == null ? null : bias + j;
            for (int oh = oh0; oh < oh1; oh++)
            {
                float* row = xp + (nint)oh * g.SH * wp * g.C;
                for (int ow = 0; ow < g.OW; ow += Pixels)
                {
                    int p = Math.Min(Pixels, g.OW - ow);
                    float* x = row + ow * step, yt = y + ((nint)(oh - oh0) * g.OW + ow) * f + j;
                    if (f - j >= 16) Dispatch<Count2>(p, x, step, offsets, taps, kernel + j, f, b, relu, yt);
                    else Dispatch<Count1>(p, x, step, offsets, taps, kernel + j, f, b, relu, yt);
                }
            }
        }
    }

    private static void Dispatch<TW>(int p, float* x, nint step, int* offsets, int taps, float* w, int f, float* bias, bool relu, float* y)
        where TW : struct, IKernelCount
    {
        switch (p)
        {
            case 6: Tile<Count6, TW>(x, step, offsets, taps, w, f, bias, relu, y); break;
            case 5: Tile<Count5, TW>(x, step, offsets, taps, w, f, bias, relu, y); break;
            case 4: Tile<Count4, TW>(x, step, offsets, taps, w, f, bias, relu, y); break;
            case 3: Tile<Count3, TW>(x, step, offsets, taps, w, f, bias, relu, y); break;
            case 2: Tile<Count2, TW>(x, step, offsets, taps, w, f, bias, relu, y); break;
            default: Tile<Count1, TW>(x, step, offsets, taps, w, f, bias, relu, y); break;
        }
    }

    private static void Tile<TP, TW>(float* x, nint step, int* offsets, int taps, float* w, int f, float* bias, bool relu, float* y)
        where TP : struct, IKernelCount where TW : struct, IKernelCount
    {
        bool two = TW.Value > 1;
        var b0 = bias == null ? Vector256<float>.Zero : Vector256.Load(bias);
        var b1 = bias == null || !two ? Vector256<float>.Zero : Vector256.Load(bias + 8);
        Vector256<float> a00 = b0, a01 = b1, a10 = b0, a11 = b1, a20 = b0, a21 = b1;
        Vector256<float> a30 = b0, a31 = b1, a40 = b0, a41 = b1, a50 = b0, a51 = b1;
        for (int t = 0; t < taps; t++)
        {
            float* xt = x + offsets[t];
            float* wt = w + (nint)t * f;
            var w0 = Vector256.Load(wt);
            var w1 = two ? Vector256.Load(wt + 8) : default;
            var v = Vector256.Create(xt[0]);
            a00 = Fma.MultiplyAdd(v, w0, a00); if (two) a01 = Fma.MultiplyAdd(v, w1, a01);
            if (TP.Value > 1) { v = Vector256.Create(xt[step]); a10 = Fma.MultiplyAdd(v, w0, a10); if (two) a11 = Fma.MultiplyAdd(v, w1, a11); }
            if (TP.Value > 2) { v = Vector256.Create(xt[2 * step]); a20 = Fma.MultiplyAdd(v, w0, a20); if (two) a21 = Fma.MultiplyAdd(v, w1, a21); }
            if (TP.Value > 3) { v = Vector256.Create(xt[3 * step]); a30 = Fma.MultiplyAdd(v, w0, a30); if (two) a31 = Fma.MultiplyAdd(v, w1, a31); }
            if (TP.Value > 4) { v = Vector256.Create(xt[4 * step]); a40 = Fma.MultiplyAdd(v, w0, a40); if (two) a41 = Fma.MultiplyAdd(v, w1, a41); }
            if (TP.Value > 5) { v = Vector256.Create(xt[5 * step]); a50 = Fma.MultiplyAdd(v, w0, a50); if (two) a51 = Fma.MultiplyAdd(v, w1, a51); }
        }
        Store<TW>(a00, a01, relu, y);
        if (TP.Value > 1) Store<TW>(a10, a11, relu, y + f);
        if (TP.Value > 2) Store<TW>(a20, a21, relu, y + 2 * f);
        if (TP.Value > 3) Store<TW>(a30, a31, relu, y + 3 * f);
        if (TP.Value > 4) Store<TW>(a40, a41, relu, y + 4 * f);
        if (TP.Value > 5) Store<TW>(a50, a51, relu, y + 5 * f);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store<TW>(Vector256<float> lo, Vector256<float> hi, bool relu, float* y) where TW : struct, IKernelCount
    {
        if (relu) { lo = Vector256.Max(lo, Vector256<float>.Zero); hi = Vector256.Max(hi, Vector256<float>.Zero); }
        lo.Store(y);
        if (TW.Value > 1) hi.Store(y + 8);
    }
}
