using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
namespace NotebookNN.Compute.Gemm;
/// <summary>
/// AVX2 + FMA micro-kernel: a 6 × 16 tile of C in 12 ymm accumulators, fully unrolled in m and n (BLIS
/// haswell's 6×16). Per k step: two B vector loads and 6 broadcasts of A feed 12 FMAs. A is read through its
/// strides (six row pointers, one running offset), so the same loop serves a packed A micro-panel and an A read in
/// place: rows of a row-major A (aStep 1) or columns of a transposed one (aRow 1, aStep its leading dimension).
/// Narrow edge tiles (n mod 16 columns) load their last B vector under a mask (a tile of at most 8 columns runs a
/// one-vector copy of the loop), so B may also be read straight from an unpacked row-major matrix without touching
/// memory past column n.
/// </summary>
internal unsafe struct Avx2Kernel : IMicroKernel
{
    public const int MR = 6, NR = 16;
    public static bool IsSupported => Avx2.IsSupported && Fma.IsSupported;
    public static bool ReadsUnpackedB => true;
    public static bool ReadsUnpackedA => true;

    [SkipLocalsInit, MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(int kc, float* a, nint aRow, nint aStep, float* b, nint bStep, float* c, int ldc, int mr, int nr, in TileStore s)
    {
        // one loop per case (the JIT compiles each Tile instance on its own; they hold a stackalloc, so they are not
        // inlined and each call is a tail jump)
        if (nr == NR && mr == MR && aRow == 1 && aStep == MR) Tile<Two, Whole, Adjacent>(kc, a, aRow, aStep, b, bStep, c, ldc, mr, nr, in s);
        else if (nr == NR && mr == MR && aRow == 1) Tile<Two, Whole, Columns>(kc, a, aRow, aStep, b, bStep, c, ldc, mr, nr, in s);
        else if (nr == NR && mr == MR) Tile<Two, Whole, RowsApart>(kc, a, aRow, aStep, b, bStep, c, ldc, mr, nr, in s);
        else Edge(kc, a, aRow, aStep, b, bStep, c, ldc, mr, nr, in s);
    }

    /// <summary>Edge tiles (fewer than 6 rows or 16 columns), out of line.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Edge(int kc, float* a, nint aRow, nint aStep, float* b, nint bStep, float* c, int ldc, int mr, int nr, in TileStore s)
    {
        if (nr == NR) Tile<Two, Whole, RowsApart>(kc, a, aRow, aStep, b, bStep, c, ldc, mr, nr, in s);
        else if (nr > 8) Tile<Two, Part, RowsApart>(kc, a, aRow, aStep, b, bStep, c, ldc, mr, nr, in s);
        else Tile<One, Part, RowsApart>(kc, a, aRow, aStep, b, bStep, c, ldc, mr, nr, in s);
    }

    /// <summary>How A's six rows are addressed: <see cref="Adjacent"/> (a packed micro-panel) and <see cref="Columns"/>
    /// (a transposed A read in place; all six rows present) from one pointer, as a[ap + r]; <see cref="RowsApart"/> from
    /// six row pointers (rows past mr point at row mr - 1). One pointer keeps every pointer of the loop in a register;
    /// six spill two. Columns also prefetches A 8 k steps ahead: each k step reads a new cache line, rows of A apart
    /// (conv2's kernel gradient +6-7%; on a packed A the same prefetch cost 2.5%: bench/README, "gemm-avx2").</summary>
    private interface IRows { static abstract bool OnePointer { get; } static abstract bool PrefetchA { get; } }
    private struct Adjacent : IRows { public static bool OnePointer => true; public static bool PrefetchA => false; }
    private struct Columns : IRows { public static bool OnePointer => true; public static bool PrefetchA => true; }
    private struct RowsApart : IRows { public static bool OnePointer => false; public static bool PrefetchA => false; }

    /// <summary>How many 8-float vectors a tile is wide (a type so the JIT compiles one loop per width).</summary>
    private interface IWidth { static abstract bool Wide { get; } }
    private struct One : IWidth { public static bool Wide => false; }
    private struct Two : IWidth { public static bool Wide => true; }

    /// <summary>Whether the last vector is partial, so B is loaded under the mask (a type: one loop per case).</summary>
    private interface ITail { static abstract bool Masked { get; } }
    private struct Whole : ITail { public static bool Masked => false; }
    private struct Part : ITail { public static bool Masked => true; }

    [SkipLocalsInit, MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile<W, T, R>(int kc, float* a, nint aRow, nint aStep, float* b, nint bStep, float* c, int ldc, int mr, int nr, in TileStore s)
        where W : struct, IWidth where T : struct, ITail where R : struct, IRows
    {
        // rows past mr (an edge tile) read row mr - 1 again: never past the end of an unpacked A, results not stored
        nint last = mr - 1;
        float* a0 = a, a1 = a + 1, a2 = a + 2, a3 = a + 3, a4 = a + 4, a5 = a + 5;
        if (!R.OnePointer)
        {
            a1 = a + Math.Min(1, last) * aRow; a2 = a + Math.Min(2, last) * aRow; a3 = a + Math.Min(3, last) * aRow;
            a4 = a + Math.Min(4, last) * aRow; a5 = a + Math.Min(5, last) * aRow;
        }
        // lanes of the last vector that lie inside the tile
        var mask = Vector256.LessThan(Vector256<int>.Indices, Vector256.Create(nr - (W.Wide ? 8 : 0))).AsSingle();
        Vector256<float> c0_0 = default, c0_1 = default, c1_0 = default, c1_1 = default, c2_0 = default, c2_1 = default, c3_0 = default, c3_1 = default, c4_0 = default, c4_1 = default, c5_0 = default, c5_1 = default;
        // fetch the C tile while the k loop runs: it is written (and read unless beta is 0) at the end
        float* cp = c;
        for (int r = 0; r < mr; r++, cp += ldc) { Sse.Prefetch0(cp); Sse.Prefetch0(cp + nr - 1); }
        nint ap = 0;
        for (int p = 0; p < kc; p++)
        {
            Vector256<float> b0, b1 = default;
            if (!W.Wide && T.Masked) b0 = Avx.MaskLoad(b, mask);
            else b0 = Vector256.Load(b);
            if (W.Wide && T.Masked) b1 = Avx.MaskLoad(b + 8, mask);
            else if (W.Wide) b1 = Vector256.Load(b + 8);
            Vector256<float> av;
            av = Vector256.Create(R.OnePointer ? a[ap + 0] : a0[ap]); c0_0 = Fma.MultiplyAdd(av, b0, c0_0); if (W.Wide) c0_1 = Fma.MultiplyAdd(av, b1, c0_1);
            av = Vector256.Create(R.OnePointer ? a[ap + 1] : a1[ap]); c1_0 = Fma.MultiplyAdd(av, b0, c1_0); if (W.Wide) c1_1 = Fma.MultiplyAdd(av, b1, c1_1);
            av = Vector256.Create(R.OnePointer ? a[ap + 2] : a2[ap]); c2_0 = Fma.MultiplyAdd(av, b0, c2_0); if (W.Wide) c2_1 = Fma.MultiplyAdd(av, b1, c2_1);
            av = Vector256.Create(R.OnePointer ? a[ap + 3] : a3[ap]); c3_0 = Fma.MultiplyAdd(av, b0, c3_0); if (W.Wide) c3_1 = Fma.MultiplyAdd(av, b1, c3_1);
            av = Vector256.Create(R.OnePointer ? a[ap + 4] : a4[ap]); c4_0 = Fma.MultiplyAdd(av, b0, c4_0); if (W.Wide) c4_1 = Fma.MultiplyAdd(av, b1, c4_1);
            av = Vector256.Create(R.OnePointer ? a[ap + 5] : a5[ap]); c5_0 = Fma.MultiplyAdd(av, b0, c5_0); if (W.Wide) c5_1 = Fma.MultiplyAdd(av, b1, c5_1);
            if (R.PrefetchA) Sse.Prefetch0(a + ap + 8 * aStep);
            ap += aStep; b += bStep;
        }
        if (mr == MR && !T.Masked)
        {
            StoreRow(c + (nint)0 * ldc, c0_0, c0_1, s);
            StoreRow(c + (nint)1 * ldc, c1_0, c1_1, s);
            StoreRow(c + (nint)2 * ldc, c2_0, c2_1, s);
            StoreRow(c + (nint)3 * ldc, c3_0, c3_1, s);
            StoreRow(c + (nint)4 * ldc, c4_0, c4_1, s);
            StoreRow(c + (nint)5 * ldc, c5_0, c5_1, s);
            s.ApplyTranscendental(c, ldc, MR, NR);
            return;
        }
        float* acc = stackalloc float[MR * NR];
        c0_0.Store(acc + 0); c0_1.Store(acc + 8);
        c1_0.Store(acc + 16); c1_1.Store(acc + 24);
        c2_0.Store(acc + 32); c2_1.Store(acc + 40);
        c3_0.Store(acc + 48); c3_1.Store(acc + 56);
        c4_0.Store(acc + 64); c4_1.Store(acc + 72);
        c5_0.Store(acc + 80); c5_1.Store(acc + 88);
        s.StoreTile(acc, NR, c, ldc, mr, nr);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow(float* c, Vector256<float> v0, Vector256<float> v1, in TileStore s)
    {
        if (s.Alpha != 1f) { v0 *= s.Alpha; v1 *= s.Alpha; }
        if (s.Beta != 0f) { var beta = Vector256.Create(s.Beta); v0 = Fma.MultiplyAdd(beta, Vector256.Load(c + 0), v0); v1 = Fma.MultiplyAdd(beta, Vector256.Load(c + 8), v1); }
        if (s.Bias != null) { v0 += Vector256.Load(s.Bias + 0); v1 += Vector256.Load(s.Bias + 8); }
        if (s.Act == FusedActivation.Relu) { v0 = Vector256.Max(v0, Vector256<float>.Zero); v1 = Vector256.Max(v1, Vector256<float>.Zero); }
        v0.Store(c + 0); v1.Store(c + 8);
    }
}
