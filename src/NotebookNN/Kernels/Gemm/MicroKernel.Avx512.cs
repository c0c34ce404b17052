using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
namespace NotebookNN.Kernels;
/// <summary>
/// AVX-512 micro-kernel: an 8 × 48 tile of C in 24 zmm accumulators (8 rows × three 16-float vectors), fully
/// unrolled in m and n. Per k step: three B vector loads and 8 broadcasts of A feed 24 FMAs. Measured 10-15% faster
/// in L1 than BLIS skx's 12 × 32 shape (transposed) on this Xeon, and 8 rows fit batch sizes 32/128/512 exactly.
/// Full tiles are written straight from registers with the epilogue; edge tiles go through a stack tile.
/// </summary>
internal unsafe struct Avx512Kernel : IMicroKernel
{
    public const int MR = 8, NR = 48;
    public static bool IsSupported => Avx512F.IsSupported && Vector512.IsHardwareAccelerated;
    [SkipLocalsInit, MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(int kc, float* a, float* b, float* c, int ldc, int mr, int nr, in TileStore s)
    {
        Vector512<float> c0_0 = default, c0_1 = default, c0_2 = default, c1_0 = default, c1_1 = default, c1_2 = default, c2_0 = default, c2_1 = default, c2_2 = default, c3_0 = default, c3_1 = default, c3_2 = default, c4_0 = default, c4_1 = default, c4_2 = default, c5_0 = default, c5_1 = default, c5_2 = default, c6_0 = default, c6_1 = default, c6_2 = default, c7_0 = default, c7_1 = default, c7_2 = default;
        // fetch the C tile while the k loop runs: it is written (and read unless beta is 0) at the end
        for (int r = 0; r < MR; r++) { Sse.Prefetch0(c + (nint)r * ldc + 0); Sse.Prefetch0(c + (nint)r * ldc + 16); Sse.Prefetch0(c + (nint)r * ldc + 32); }
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector512.Load(b + 0); var b1 = Vector512.Load(b + 16); var b2 = Vector512.Load(b + 32);
            Vector512<float> av;
            av = Vector512.Create(a[0]); c0_0 = Avx512F.FusedMultiplyAdd(av, b0, c0_0); c0_1 = Avx512F.FusedMultiplyAdd(av, b1, c0_1); c0_2 = Avx512F.FusedMultiplyAdd(av, b2, c0_2);
            av = Vector512.Create(a[1]); c1_0 = Avx512F.FusedMultiplyAdd(av, b0, c1_0); c1_1 = Avx512F.FusedMultiplyAdd(av, b1, c1_1); c1_2 = Avx512F.FusedMultiplyAdd(av, b2, c1_2);
            av = Vector512.Create(a[2]); c2_0 = Avx512F.FusedMultiplyAdd(av, b0, c2_0); c2_1 = Avx512F.FusedMultiplyAdd(av, b1, c2_1); c2_2 = Avx512F.FusedMultiplyAdd(av, b2, c2_2);
            av = Vector512.Create(a[3]); c3_0 = Avx512F.FusedMultiplyAdd(av, b0, c3_0); c3_1 = Avx512F.FusedMultiplyAdd(av, b1, c3_1); c3_2 = Avx512F.FusedMultiplyAdd(av, b2, c3_2);
            av = Vector512.Create(a[4]); c4_0 = Avx512F.FusedMultiplyAdd(av, b0, c4_0); c4_1 = Avx512F.FusedMultiplyAdd(av, b1, c4_1); c4_2 = Avx512F.FusedMultiplyAdd(av, b2, c4_2);
            av = Vector512.Create(a[5]); c5_0 = Avx512F.FusedMultiplyAdd(av, b0, c5_0); c5_1 = Avx512F.FusedMultiplyAdd(av, b1, c5_1); c5_2 = Avx512F.FusedMultiplyAdd(av, b2, c5_2);
            av = Vector512.Create(a[6]); c6_0 = Avx512F.FusedMultiplyAdd(av, b0, c6_0); c6_1 = Avx512F.FusedMultiplyAdd(av, b1, c6_1); c6_2 = Avx512F.FusedMultiplyAdd(av, b2, c6_2);
            av = Vector512.Create(a[7]); c7_0 = Avx512F.FusedMultiplyAdd(av, b0, c7_0); c7_1 = Avx512F.FusedMultiplyAdd(av, b1, c7_1); c7_2 = Avx512F.FusedMultiplyAdd(av, b2, c7_2);
            a += MR; b += NR;
        }
        if (mr == MR && nr == NR)
        {
            StoreRow(c + (nint)0 * ldc, c0_0, c0_1, c0_2, s);
            StoreRow(c + (nint)1 * ldc, c1_0, c1_1, c1_2, s);
            StoreRow(c + (nint)2 * ldc, c2_0, c2_1, c2_2, s);
            StoreRow(c + (nint)3 * ldc, c3_0, c3_1, c3_2, s);
            StoreRow(c + (nint)4 * ldc, c4_0, c4_1, c4_2, s);
            StoreRow(c + (nint)5 * ldc, c5_0, c5_1, c5_2, s);
            StoreRow(c + (nint)6 * ldc, c6_0, c6_1, c6_2, s);
            StoreRow(c + (nint)7 * ldc, c7_0, c7_1, c7_2, s);
            s.ApplyTranscendental(c, ldc, MR, NR);
            return;
        }
        float* acc = stackalloc float[MR * NR];
        c0_0.Store(acc + 0); c0_1.Store(acc + 16); c0_2.Store(acc + 32);
        c1_0.Store(acc + 48); c1_1.Store(acc + 64); c1_2.Store(acc + 80);
        c2_0.Store(acc + 96); c2_1.Store(acc + 112); c2_2.Store(acc + 128);
        c3_0.Store(acc + 144); c3_1.Store(acc + 160); c3_2.Store(acc + 176);
        c4_0.Store(acc + 192); c4_1.Store(acc + 208); c4_2.Store(acc + 224);
        c5_0.Store(acc + 240); c5_1.Store(acc + 256); c5_2.Store(acc + 272);
        c6_0.Store(acc + 288); c6_1.Store(acc + 304); c6_2.Store(acc + 320);
        c7_0.Store(acc + 336); c7_1.Store(acc + 352); c7_2.Store(acc + 368);
        s.StoreTile(acc, NR, c, ldc, mr, nr);
    }
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow(float* c, Vector512<float> v0, Vector512<float> v1, Vector512<float> v2, in TileStore s)
    {
        if (s.Alpha != 1f) { v0 *= s.Alpha; v1 *= s.Alpha; v2 *= s.Alpha; }
        if (s.Beta != 0f) { var beta = Vector512.Create(s.Beta); v0 = Avx512F.FusedMultiplyAdd(beta, Vector512.Load(c + 0), v0); v1 = Avx512F.FusedMultiplyAdd(beta, Vector512.Load(c + 16), v1); v2 = Avx512F.FusedMultiplyAdd(beta, Vector512.Load(c + 32), v2); }
        if (s.Bias != null) { v0 += Vector512.Load(s.Bias + 0); v1 += Vector512.Load(s.Bias + 16); v2 += Vector512.Load(s.Bias + 32); }
        if (s.Act == FusedActivation.Relu) { v0 = Vector512.Max(v0, Vector512<float>.Zero); v1 = Vector512.Max(v1, Vector512<float>.Zero); v2 = Vector512.Max(v2, Vector512<float>.Zero); }
        v0.Store(c + 0); v1.Store(c + 16); v2.Store(c + 32);
    }
}
