using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using NotebookNN.Compute.Threading;

namespace NotebookNN.Compute.Gemm;

/// <summary>
/// Single-precision GEMM in the BLIS style on row-major matrices:
/// <c>C = alpha·op(A)·op(B) + beta·C</c>, then the <see cref="Epilogue"/> (per-column bias, activation) applied to
/// each tile as it is written. op(X) is X or Xᵀ; a transposed operand is packed straight from its stored layout.
/// </summary>
/// <remarks>
/// Loops: JC (columns by NC) → PC (depth in equal panels of at most KC; pack the B panel, or read B in place for
/// few rows) → IC (rows by MC; pack an A block) → the macrokernel: JR (by NR, the B micro-panel stays in L1) → IR
/// (by MR) → micro-kernel. Kernels that read A through strides (AVX2, scalar) skip the A packing for narrow
/// products (see DirectAMaxColumns) and read each micro-panel of A in place. Large problems use every core of <see cref="ComputePool"/>: tall products split the rows,
/// wide ones the columns, so skinny shapes such as 32 × 784 · 784 × 300 still use both cores (see SplitRows); each
/// thread runs the whole loop nest on its part with its own packed panels. Products under
/// <see cref="ParallelThresholds.GemmFlops"/> run on the calling thread only.
/// </remarks>
internal static unsafe partial class Gemm
{
    [ThreadStatic] private static GemmIsa? t_forcedIsa;
    [ThreadStatic] private static int t_maxThreads;
    [ThreadStatic] private static long t_parallelMinFlops;
    [ThreadStatic] private static bool? t_forcedDirectA;

    /// <summary>The fastest path this machine supports.</summary>
    public static GemmIsa BestIsa { get; } =
        Avx512Kernel.IsSupported ? GemmIsa.Avx512 : Avx2Kernel.IsSupported ? GemmIsa.Avx2 : GemmIsa.Scalar;

    /// <summary>Forces a path for GEMMs started on this thread (tests); null selects <see cref="BestIsa"/>.</summary>
    public static GemmIsa? ForcedIsa
    {
        get => t_forcedIsa;
        set
        {
            if (value is { } v && v > BestIsa) throw new PlatformNotSupportedException($"GEMM path {v} is not supported on this machine (best: {BestIsa}).");
            t_forcedIsa = value;
        }
    }

    /// <summary>Most threads a GEMM started on this thread may use (0: all of <see cref="ComputePool.Workers"/>).</summary>
    public static int MaxThreads { get => t_maxThreads; set => t_maxThreads = value; }

    /// <summary>Flop count from which GEMMs started on this thread go parallel (0: <see cref="ParallelThresholds.GemmFlops"/>).</summary>
    public static long ParallelMinFlops { get => t_parallelMinFlops; set => t_parallelMinFlops = value; }

    /// <summary>Forces reading A in place (true) or packing it (false) for GEMMs started on this thread, where the
    /// kernel can read A in place (tests); null lets <see cref="ReadAInPlace"/> choose.</summary>
    public static bool? ForcedDirectA { get => t_forcedDirectA; set => t_forcedDirectA = value; }

    /// <summary>
    /// <c>C = alpha·op(A)·op(B) + beta·C</c> then <paramref name="epilogue"/>, for row-major op(A) (m × k),
    /// op(B) (k × n) and C (m × n). A is stored m × k (k × m when <paramref name="transA"/>) with row stride
    /// <paramref name="lda"/>; likewise B and C. When beta is 0, C is only written (it may hold NaN).
    /// </summary>
    public static void Sgemm(bool transA, bool transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc,
        in Epilogue epilogue = default)
    {
        GemmArgs.Validate(transA, transB, m, n, k, a.Length, lda, b.Length, ldb, c.Length, ldc, epilogue.Bias.Length);
        if (m == 0 || n == 0) return;
        var act = epilogue.Activation;
        fixed (float* pa = a, pb = b, pc = c, pbias = epilogue.Bias)
        {
            float* bias = epilogue.Bias.IsEmpty ? null : pbias;
            if (k == 0 || alpha == 0f) { ScaleOnly(m, n, beta, pc, ldc, new TileStore(0f, beta, bias, act)); return; }
            var isa = ForcedIsa ?? BestIsa;
            var p = new Problem(transA, transB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc, bias, act);
            switch (isa)
            {
                case GemmIsa.Avx512: Run<Avx512Kernel>(in p, GemmBlocking.Avx512); break;
                case GemmIsa.Avx2: Run<Avx2Kernel>(in p, GemmBlocking.Avx2); break;
                default: Run<ScalarKernel>(in p, GemmBlocking.Scalar); break;
            }
        }
    }

    /// <summary>The arguments of one call, with op(A)(i, p) = A[i·AWide + p·ADepth] and op(B)(p, j) = B[j·BWide + p·BDepth].</summary>
    private readonly struct Problem(bool transA, bool transB, int m, int n, int k, float alpha, float* a, int lda,
        float* b, int ldb, float beta, float* c, int ldc, float* bias, FusedActivation act)
    {
        public readonly int M = m, N = n, K = k, Ldc = ldc;
        public readonly float Alpha = alpha, Beta = beta;
        public readonly float* A = a, B = b, C = c, Bias = bias;
        public readonly nint AWide = transA ? 1 : lda, ADepth = transA ? lda : 1;
        public readonly nint BWide = transB ? ldb : 1, BDepth = transB ? 1 : ldb;
        public readonly FusedActivation Act = act;
    }

    private static void Run<K>(in Problem p, GemmBlocking blk) where K : IMicroKernel
    {
        int threads = ChooseThreads(p.M, p.N, p.K);
        // equal depth panels (k = 784 with KC 192: 5 × 157, not 4 × 192 + 16): no short, inefficient last panel
        int kcStep = CeilDiv(p.K, CeilDiv(p.K, blk.KC));
        bool directB = K.ReadsUnpackedB && p.BWide == 1 && p.M <= DirectBMaxRows;
        bool directA = K.ReadsUnpackedA && (ForcedDirectA ?? ReadAInPlace(p.N));
        if (threads == 1) { RangeLoop<K>(in p, blk, kcStep, directB, directA, 0, p.M, 0, p.N); return; }
        // each thread owns a range of rows or of columns and runs the whole loop nest on it with its own packed
        // panels: one hand-off per product. (Sharing one packed B panel between row ranges costs two hand-offs per
        // depth panel, and was slower: bench/README, "second session".)
        var range = new RangeTask<K>
        {
            P = p, Blk = blk, Threads = threads, KcStep = kcStep, DirectB = directB, DirectA = directA,
            Rows = SplitRows(p.M, Math.Min(blk.NC, p.N), blk, threads),
        };
        ComputePool.For(threads, ref range);
    }

    /// <summary>The (jc, pc) step of the loop nest: B columns [jc, jc + nc) at depth [pc, pc + kc).</summary>
    private static PanelTask<K> Panel<K>(in Problem p, GemmBlocking blk, int jc, int nc, int pc, int kc, float* packB, bool directB, bool directA)
        where K : IMicroKernel
    {
        bool first = pc == 0, last = pc + kc == p.K;
        var store = new TileStore(p.Alpha, first ? p.Beta : 1f, last ? p.Bias : null, last ? p.Act : FusedActivation.Linear);
        return new PanelTask<K>
        {
            Blk = blk, Kc = kc, Nc = nc, M = p.M, Ldc = p.Ldc,
            A = p.A + pc * p.ADepth, AWide = p.AWide, ADepth = p.ADepth,
            B = p.B + jc * p.BWide + pc * p.BDepth, BWide = p.BWide, BDepth = p.BDepth,
            PackedB = packB, C = p.C + jc, Store = store.AtColumn(jc), DirectB = directB, DirectA = directA,
        };
    }

    /// <summary>The whole loop nest on one thread for rows [i0, i1) and columns [j0, j1) of C, with this thread's packing buffers.</summary>
    private static void RangeLoop<K>(in Problem p, GemmBlocking blk, int kcStep, bool directB, bool directA, int i0, int i1, int j0, int j1) where K : IMicroKernel
    {
        float* packB = directB ? null : Buffers.B(kcStep * RoundUp(Math.Min(blk.NC, j1 - j0), blk.NR));
        for (int jc = j0; jc < j1; jc += blk.NC)
        {
            int nc = Math.Min(blk.NC, j1 - jc);
            for (int pc = 0; pc < p.K; pc += kcStep)
            {
                var task = Panel<K>(in p, blk, jc, nc, pc, Math.Min(kcStep, p.K - pc), packB, directB, directA);
                task.PackAllB();
                task.RowBlocks(i0, i1);
            }
        }
    }

    /// <summary>Thread t of Threads: <see cref="RangeLoop{K}"/> on its share of the rows or of the columns (whole tiles).</summary>
    private struct RangeTask<K> : IParallelBody where K : IMicroKernel
    {
        public Problem P;
        public GemmBlocking Blk;
        public int Threads, KcStep;
        public bool DirectB, DirectA, Rows;

        public readonly void Invoke(int t)
        {
            if (Rows)
            {
                int i0 = ShareStart(P.M, Blk.MR, t, Threads), i1 = ShareStart(P.M, Blk.MR, t + 1, Threads);
                if (i1 > i0) RangeLoop<K>(in P, Blk, KcStep, DirectB, DirectA, i0, i1, 0, P.N);
                return;
            }
            int j0 = ShareStart(P.N, Blk.NR, t, Threads), j1 = ShareStart(P.N, Blk.NR, t + 1, Threads);
            if (j1 > j0) RangeLoop<K>(in P, Blk, KcStep, DirectB, DirectA, 0, P.M, j0, j1);
        }
    }

    /// <summary>Up to this many rows of C, a B that is contiguous along its columns is read in place rather than packed:
    /// each B value then serves few rows, so copying B costs more than the strided reads it saves (at 64 rows the two
    /// are even; bench/README, "second session"). Past it, reading B in place loses: conv2's kernel gradient (288 rows)
    /// ran 55 against 75 GFLOP/s on the AVX2 path, its B micro-panel's rows 256 bytes apart crowding a few L1 sets
    /// (bench/README, "gemm-avx2"). The bench's gemm-shapes command may override it (tuning).</summary>
    internal static int DirectBMaxRows = 64;

    /// <summary>Up to this many columns of C, kernels that can read A in place do so rather than pack it: each A value
    /// then serves few columns (n / NR passes of the A block), so packing costs more than the strided reads it saves
    /// (conv2's forward, 64 columns: 1.4× faster in place on the AVX2 path; at 288 and 512 columns the two are even:
    /// bench/README, "gemm-avx2"). The bench's gemm-shapes command may override it (tuning).</summary>
    internal static int DirectAMaxColumns = 128;

    private static bool ReadAInPlace(int n) => n <= DirectAMaxColumns;

    private static int ChooseThreads(int m, int n, int k)
    {
        int max = MaxThreads > 0 ? Math.Min(MaxThreads, ComputePool.Workers) : ComputePool.Workers;
        long minFlops = ParallelMinFlops > 0 ? ParallelMinFlops : ParallelThresholds.GemmFlops;
        return 2L * m * n * k < minFlops ? 1 : max;
    }

    /// <summary>
    /// Split rows for tall products, columns for wide ones, unless that split balances much worse: every thread
    /// packs the panels of the operand it does not split, so the split operand should be the larger one.
    /// </summary>
    private static bool SplitRows(int m, int nc, GemmBlocking blk, int threads)
    {
        double rows = Balance(m, blk.MR, threads), cols = Balance(nc, blk.NR, threads);
        return m >= nc ? rows >= cols - 0.25 : rows > cols + 0.25;
    }

    /// <summary>Work of the busiest thread relative to an even split, for tile-aligned shares.</summary>
    private static double Balance(int count, int tile, int threads)
    {
        int most = 0;
        for (int t = 0; t < threads; t++) most = Math.Max(most, ShareStart(count, tile, t + 1, threads) - ShareStart(count, tile, t, threads));
        return most == 0 ? 1 : count / (double)(threads * most);
    }

    /// <summary>Start of share t of [0, count) among threads: even shares rounded to whole tiles.</summary>
    internal static int ShareStart(int count, int tile, int t, int threads) =>
        t >= threads ? count : Math.Min(count, (int)Math.Round((double)count * t / threads / tile) * tile);

    internal static int CeilDiv(int a, int b) => (a + b - 1) / b;
    private static int RoundUp(int a, int b) => CeilDiv(a, b) * b;

    /// <summary>k = 0 or alpha = 0: C = beta·C (not read when beta is 0), then the epilogue.</summary>
    private static void ScaleOnly(int m, int n, float beta, float* c, int ldc, TileStore s)
    {
        for (int i = 0; i < m; i++)
        {
            var row = new Span<float>(c + (nint)i * ldc, n);
            if (beta == 0f) row.Clear();
            else if (beta != 1f) TensorPrimitives.Multiply(row, beta, row);
            if (s.Bias != null) TensorPrimitives.Add(row, new ReadOnlySpan<float>(s.Bias, n), row);
            if (s.Act == FusedActivation.Relu) TensorPrimitives.Max(row, 0f, row);
            s.ApplyTranscendental(c + (nint)i * ldc, ldc, 1, n);
        }
    }

    /// <summary>Packing buffers per thread, on the pinned heap and aligned to a cache line.</summary>
    private static class Buffers
    {
        [ThreadStatic] private static float[]? t_a, t_b;

        public static float* A(int floats) => Get(ref t_a, floats);
        public static float* B(int floats) => Get(ref t_b, floats);

        private static float* Get(ref float[]? buffer, int floats)
        {
            if (buffer is null || buffer.Length < floats + 16)
                buffer = GC.AllocateUninitializedArray<float>(floats + 16, pinned: true);
            nint p = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(buffer));
            return (float*)((p + 63) & ~(nint)63);
        }
    }
}
