using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NotebookNN.Compute.Conv;

/// <summary>
/// The direct kernel gradient, dkernel[t, f] += Σ over output pixels of x(pixel + tap t) · dz[pixel, f]: the taps are
/// taken in groups of up to 6 and the filters 16 at a time, so a group's 6 × 16 sums stay in 12 registers over a whole
/// run of pixels (two loads of dz and one broadcast of x per tap and pixel), and are added to memory once per run.
/// </summary>
internal static unsafe class DirectConvKernelGrad
{
    private const int Taps = 6;

    /// <summary>Adds the contribution of output pixels [p0, p1) of one image (flattened oh·OW + ow) to
    /// <paramref name="dk"/> (Depth × F); <paramref name="dz"/> holds those pixels' rows, <paramref name="xp"/> the
    /// image's padded copy.</summary>
    public static void Accumulate(in ConvGeometry g, float* xp, int* offsets, float* dz, int p0, int p1, float* dk)
    {
        int f = g.F, depth = g.Depth, groups = (depth + Taps - 1) / Taps;
        var run = new Run
        {
            X = xp, Dz = dz, F = f, P0 = p0, P1 = p1, OW = g.OW,
            RowStep = (nint)g.SH * DirectConv.Padded(in g).Wp * g.C, Step = (nint)g.SW * g.C,
        };
        for (int group = 0, t0 = 0; group < groups; group++)
        {
            int taps = depth / groups + (group < depth % groups ? 1 : 0); // balanced: 9 taps are 5 + 4, not 6 + 3
            for (int j = 0; j < f; j += 16)
            {
                float* d = dk + (nint)t0 * f + j;
                if (f - j >= 16) Dispatch<Count2>(taps, in run, offsets + t0, j, d);
                else Dispatch<Count1>(taps, in run, offsets + t0, j, d);
            }
            t0 += taps;
        }
    }

    private struct Run
    {
        public float* X, Dz;
        public int F, P0, P1, OW;
        public nint RowStep, Step;
    }

    private static void Dispatch<TW>(int taps, in Run run, int* offsets, int j, float* dk) where TW : struct, IKernelCount
    {
        switch (taps)
        {
            case 6: Group<Count6, TW>(in run, offsets, j, dk); break;
            case 5: Group<Count5, TW>(in run, offsets, j, dk); break;
            case 4: Group<Count4, TW>(in run, offsets, j, dk); break;
            case 3: Group<Count3, TW>(in run, offsets, j, dk); break;
            case 2: Group<Count2, TW>(in run, offsets, j, dk); break;
            default: Group<Count1, TW>(in run, offsets, j, dk); break;
        }
    }

    private static void Group<TT, TW>(in Run run, int* offsets, int j, float* dk) where TT : struct, IKernelCount where TW : struct, IKernelCount
    {
        bool two = TW.Value > 1;
        nint o0 = offsets[0];
        nint o1 = TT.Value > 1 ? offsets[1] : 0, o2 = TT.Value > 2 ? offsets[2] : 0, o3 = TT.Value > 3 ? offsets[3] : 0;
        nint o4 = TT.Value > 4 ? offsets[4] : 0, o5 = TT.Value > 5 ? offsets[5] : 0;
        Vector256<float> a00 = default, a01 = default, a10 = default, a11 = default, a20 = default, a21 = default;
        Vector256<float> a30 = default, a31 = default, a40 = default, a41 = default, a50 = default, a51 = default;
        int f = run.F, ow = run.P0 % run.OW;
        float* row = run.X + run.P0 / run.OW * run.RowStep, d = run.Dz + j;
        nint step = run.Step;
        for (int p = run.P0; p < run.P1; p++, d += f)
        {
            float* x = row + ow * step;
            var d0 = Vector256.Load(d);
            var d1 = two ? Vector256.Load(d + 8) : default;
            var v = Vector256.Create(x[o0]);
            a00 = Fma.MultiplyAdd(v, d0, a00); if (two) a01 = Fma.MultiplyAdd(v, d1, a01);
            if (TT.Value > 1) { v = Vector256.Create(x[o1]); a10 = Fma.MultiplyAdd(v, d0, a10); if (two) a11 = Fma.MultiplyAdd(v, d1, a11); }
            if (TT.Value > 2) { v = Vector256.Create(x[o2]); a20 = Fma.MultiplyAdd(v, d0, a20); if (two) a21 = Fma.MultiplyAdd(v, d1, a21); }
            if (TT.Value > 3) { v = Vector256.Create(x[o3]); a30 = Fma.MultiplyAdd(v, d0, a30); if (two) a31 = Fma.MultiplyAdd(v, d1, a31); }
            if (TT.Value > 4) { v = Vector256.Create(x[o4]); a40 = Fma.MultiplyAdd(v, d0, a40); if (two) a41 = Fma.MultiplyAdd(v, d1, a41); }
            if (TT.Value > 5) { v = Vector256.Create(x[o5]); a50 = Fma.MultiplyAdd(v, d0, a50); if (two) a51 = Fma.MultiplyAdd(v, d1, a51); }
            if (++ow == run.OW) { ow = 0; row += run.RowStep; }
        }
        Add<TW>(a00, a01, dk);
        if (TT.Value > 1) Add<TW>(a10, a11, dk + f);
        if (TT.Value > 2) Add<TW>(a20, a21, dk + 2 * f);
        if (TT.Value > 3) Add<TW>(a30, a31, dk + 3 * f);
        if (TT.Value > 4) Add<TW>(a40, a41, dk + 4 * f);
        if (TT.Value > 5) Add<TW>(a50, a51, dk + 5 * f);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add<TW>(Vector256<float> lo, Vector256<float> hi, float* dk) where TW : struct, IKernelCount
    {
        (Vector256.Load(dk) + lo).Store(dk);
        if (TW.Value > 1) (Vector256.Load(dk + 8) + hi).Store(dk + 8);
    }
}
