using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
namespace NotebookNN.Compute.Gemm;
/// <summary>
/// AVX-512 micro-kernel: an 8 × 48 tile of C in 24 zmm accumulators (8 rows × three 16-float vectors), fully
/// unrolled in m and n. Per k step: three B vector loads and 8 broadcasts of A feed 24 FMAs. Measured 10-15% faster
/// in L1 than BLIS skx's 12 × 32 shape (transposed) on this Xeon, and 8 rows fit batch sizes 32/128/512 exactly.
/// Narrow edge tiles (n mod 48 columns) run a one- or two-vector copy of the loop, so a 10-column output costs one
/// vector of FMAs per row, not three; the last vector is loaded and stored under a mask, which also lets B be read
/// straight from an unpacked row-major matrix (bStep = its row stride) without touching memory past column n.
/// </summary>
internal unsafe struct Avx512Kernel : IMicroKernel
{
    public const int MR = 8, NR = 48;
    public static bool IsSupported => Avx512F.IsSupported && Vector512.IsHardwareAccelerated;
    public static bool ReadsUnpackedB => true;
    public static bool ReadsUnpackedA => false;

    /// <summary>Computes one tile from a packed A micro-panel (aRow 1, aStep MR: see <see cref="ReadsUnpackedA"/>).</summary>
    public static void Run(int kc, float* a, nint aRow, nint aStep, float* b, nint bStep, float* c, int ldc, int mr, int nr, in TileStore s)
    {
        if (nr == NR) Tile<Three, Whole>(kc, a, b, bStep, c, ldc, mr, nr, in s);
        else if (nr > 32) Tile<Three, Part>(kc, a, b, bStep, c, ldc, mr, nr, in s);
        else if (nr > 16) Tile<Two, Part>(kc, a, b, bStep, c, ldc, mr, nr, in s);
        else Tile<One, Part>(kc, a, b, bStep, c, ldc, mr, nr, in s);
    }

    /// <summary>How many 16-float vectors a tile is wide (a type so the JIT compiles one loop per width).</summary>
    private interface IWidth { static abstract int Count { get; } }
    private struct One : IWidth { public static int Count => 1; }
    private struct Two : IWidth { public static int Count => 2; }
    private struct Three : IWidth { public static int Count => 3; }

    /// <summary>Whether the last vector is partial, so B is loaded under the mask (a type: one loop per case).</summary>
    private interface ITail { static abstract bool Masked { get; } }
    private struct Whole : ITail { public static bool Masked => false; }
    private struct Part : ITail { public static bool Masked => true; }

    [SkipLocalsInit, MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile<W, T>(int kc, float* a, float* b, nint bStep, float* c, int ldc, int mr, int nr, in TileStore s) where W : struct, IWidth where T : struct, ITail
    {
        Vector512<float> c0_0 = default, c0_1 = default, c0_2 = default, c1_0 = default, c1_1 = default, c1_2 = default, c2_0 = default, c2_1 = default, c2_2 = default, c3_0 = default, c3_1 = default, c3_2 = default, c4_0 = default, c4_1 = default, c4_2 = default, c5_0 = default, c5_1 = default, c5_2 = default, c6_0 = default, c6_1 = default, c6_2 = default, c7_0 = default, c7_1 = default, c7_2 = default;
        // lanes of the last vector that lie inside the tile
        var last = Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(nr - 16 * (W.Count - 1))).AsSingle();
        // fetch the C tile while the k loop runs: it is written (and read unless beta is 0) at the end
        for (int r = 0; r < mr; r++) { Sse.Prefetch0(c + (nint)r * ldc); if (W.Count > 1) Sse.Prefetch0(c + (nint)r * ldc + 16); if (W.Count > 2) Sse.Prefetch0(c + (nint)r * ldc + 32); }
        for (int p = 0; p < kc; p++)
        {
            Vector512<float> b0, b1 = default, b2 = default;
            if (W.Count == 1 && T.Masked) b0 = Avx512F.MaskLoad(b, last, Vector512<float>.Zero);
            else b0 = Vector512.Load(b);
            if (W.Count == 2 && T.Masked) b1 = Avx512F.MaskLoad(b + 16, last, Vector512<float>.Zero);
            else if (W.Count >= 2) b1 = Vector512.Load(b + 16);
            if (W.Count == 3 && T.Masked) b2 = Avx512F.MaskLoad(b + 32, last, Vector512<float>.Zero);
            else if (W.Count == 3) b2 = Vector512.Load(b + 32);
            Vector512<float> av;
            av = Vector512.Create(a[0]); c0_0 = Avx512F.FusedMultiplyAdd(av, b0, c0_0); if (W.Count > 1) c0_1 = Avx512F.FusedMultiplyAdd(av, b1, c0_1); if (W.Count > 2) c0_2 = Avx512F.FusedMultiplyAdd(av, b2, c0_2);
            av = Vector512.Create(a[1]); c1_0 = Avx512F.FusedMultiplyAdd(av, b0, c1_0); if (W.Count > 1) c1_1 = Avx512F.FusedMultiplyAdd(av, b1, c1_1); if (W.Count > 2) c1_2 = Avx512F.FusedMultiplyAdd(av, b2, c1_2);
            av = Vector512.Create(a[2]); c2_0 = Avx512F.FusedMultiplyAdd(av, b0, c2_0); if (W.Count > 1) c2_1 = Avx512F.FusedMultiplyAdd(av, b1, c2_1); if (W.Count > 2) c2_2 = Avx512F.FusedMultiplyAdd(av, b2, c2_2);
            av = Vector512.Create(a[3]); c3_0 = Avx512F.FusedMultiplyAdd(av, b0, c3_0); if (W.Count > 1) c3_1 = Avx512F.FusedMultiplyAdd(av, b1, c3_1); if (W.Count > 2) c3_2 = Avx512F.FusedMultiplyAdd(av, b2, c3_2);
            av = Vector512.Create(a[4]); c4_0 = Avx512F.FusedMultiplyAdd(av, b0, c4_0); if (W.Count > 1) c4_1 = Avx512F.FusedMultiplyAdd(av, b1, c4_1); if (W.Count > 2) c4_2 = Avx512F.FusedMultiplyAdd(av, b2, c4_2);
            av = Vector512.Create(a[5]); c5_0 = Avx512F.FusedMultiplyAdd(av, b0, c5_0); if (W.Count > 1) c5_1 = Avx512F.FusedMultiplyAdd(av, b1, c5_1); if (W.Count > 2) c5_2 = Avx512F.FusedMultiplyAdd(av, b2, c5_2);
            av = Vector512.Create(a[6]); c6_0 = Avx512F.FusedMultiplyAdd(av, b0, c6_0); if (W.Count > 1) c6_1 = Avx512F.FusedMultiplyAdd(av, b1, c6_1); if (W.Count > 2) c6_2 = Avx512F.FusedMultiplyAdd(av, b2, c6_2);
            av = Vector512.Create(a[7]); c7_0 = Avx512F.FusedMultiplyAdd(av, b0, c7_0); if (W.Count > 1) c7_1 = Avx512F.FusedMultiplyAdd(av, b1, c7_1); if (W.Count > 2) c7_2 = Avx512F.FusedMultiplyAdd(av, b2, c7_2);
            a += MR; b += bStep;
        }
        StoreRow<W>(c + (nint)0 * ldc, c0_0, c0_1, c0_2, last, in s);
        if (mr > 1) StoreRow<W>(c + (nint)1 * ldc, c1_0, c1_1, c1_2, last, in s);
        if (mr > 2) StoreRow<W>(c + (nint)2 * ldc, c2_0, c2_1, c2_2, last, in s);
        if (mr > 3) StoreRow<W>(c + (nint)3 * ldc, c3_0, c3_1, c3_2, last, in s);
        if (mr > 4) StoreRow<W>(c + (nint)4 * ldc, c4_0, c4_1, c4_2, last, in s);
        if (mr > 5) StoreRow<W>(c + (nint)5 * ldc, c5_0, c5_1, c5_2, last, in s);
        if (mr > 6) StoreRow<W>(c + (nint)6 * ldc, c6_0, c6_1, c6_2, last, in s);
        if (mr > 7) StoreRow<W>(c + (nint)7 * ldc, c7_0, c7_1, c7_2, last, in s);
        s.ApplyTranscendental(c, ldc, mr, nr);
    }

    /// <summary>Writes one row of the tile with the epilogue; the last of its W.Count vectors under the mask.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow<W>(float* c, Vector512<float> v0, Vector512<float> v1, Vector512<float> v2, Vector512<float> last, in TileStore s) where W : struct, IWidth
    {
        var zero = Vector512<float>.Zero;
        var m0 = W.Count == 1 ? last : Vector512<float>.AllBitsSet;
        var m1 = W.Count == 2 ? last : Vector512<float>.AllBitsSet;
        if (s.Alpha != 1f) { v0 *= s.Alpha; v1 *= s.Alpha; v2 *= s.Alpha; }
        if (s.Beta != 0f)
        {
            var beta = Vector512.Create(s.Beta);
            v0 = Avx512F.FusedMultiplyAdd(beta, Avx512F.MaskLoad(c, m0, zero), v0);
            if (W.Count > 1) v1 = Avx512F.FusedMultiplyAdd(beta, Avx512F.MaskLoad(c + 16, m1, zero), v1);
            if (W.Count > 2) v2 = Avx512F.FusedMultiplyAdd(beta, Avx512F.MaskLoad(c + 32, last, zero), v2);
        }
        if (s.Bias != null)
        {
            v0 += Avx512F.MaskLoad(s.Bias, m0, zero);
            if (W.Count > 1) v1 += Avx512F.MaskLoad(s.Bias + 16, m1, zero);
            if (W.Count > 2) v2 += Avx512F.MaskLoad(s.Bias + 32, last, zero);
        }
        if (s.Act == FusedActivation.Relu) { v0 = Vector512.Max(v0, zero); v1 = Vector512.Max(v1, zero); v2 = Vector512.Max(v2, zero); }
        Avx512F.MaskStore(c, m0, v0);
        if (W.Count > 1) Avx512F.MaskStore(c + 16, m1, v1);
        if (W.Count > 2) Avx512F.MaskStore(c + 32, last, v2);
    }
}
