namespace NotebookNN.Compute.Threading;

/// <summary>
/// Every size from which a compute loop is split across <see cref="ComputePool"/>'s workers, with the reason for each
/// value. Below its threshold a loop stays on the calling thread: a hand-off to a spinning worker costs a few µs (a
/// sleeping one ~50-100 µs, see <c>ComputePool.SpinTicks</c>), so a split pays only once each share takes longer than
/// that. The measurements behind the values are in bench/README.md (the sessions of 2026-11-24 and the one named).
/// </summary>
internal static class ParallelThresholds
{
    /// <summary>
    /// Elementwise ops and reductions (the unary, binary and reduction drivers, broadcasts, row softmax, the dense
    /// backward's mask-and-bias pass, 2-D pooling's windows): 64K floats. A cheap op streams ~4-8 floats per cycle,
    /// so 64K floats (256 KiB, one core's L2 share of a hot tensor) take ~5-10 µs on one core, about what the
    /// hand-off costs; below it splitting loses.
    /// </summary>
    public const int Elementwise = 1 << 16;

    /// <summary>Floats per chunk of those loops once split: fixed (not derived from the core count), so float
    /// reductions add in the same order on every machine and every run.</summary>
    public const int ChunkElements = 1 << 15;

    /// <summary>Number of chunks of <see cref="ChunkElements"/> for <paramref name="n"/> elements.</summary>
    public static int Chunks(long n) => (int)((n + ChunkElements - 1) / ChunkElements);

    /// <summary>
    /// An optimizer's update of one variable: 32K floats, half of <see cref="Elementwise"/>. Adam does ~10 flops per
    /// element and four streams (a 784 × 300 kernel: ~135 µs on one core, ~60 µs on two); SGD only streams memory, but
    /// inside a step its gradient was just written by a GEMM that split its rows the same way, so each core updates
    /// the half already in its own cache (the MLP's whole SGD update: 84-90 → 57-62 µs at batch 32; bench/README,
    /// "fourth session").
    /// </summary>
    public const int OptimizerUpdate = 1 << 15;

    /// <summary>
    /// Gathering rows (a shuffled batch): 64 KiB copied. Shuffled rows of a large dataset come from memory, and two
    /// cores keep twice as many cache misses in flight: MNIST rows inside Fit's step, batch 32 (100 KB) 24 → 17 µs,
    /// batch 128 84 → 47 µs (bench/README, "fourth session").
    /// </summary>
    public const long GatherBytes = 64 * 1024;

    /// <summary>
    /// A GEMM: 2·m·n·k ≥ 2¹⁹ flops (0.5 MFLOP). Each product costs one hand-off (every thread runs the whole loop nest
    /// on its rows or columns), so splitting pays early: 32 × 300 · 300 × 100 (1.9 MFLOP) ~20% faster on two cores
    /// (bench/README, "second session").
    /// </summary>
    public const long GemmFlops = 1L << 19;

    /// <summary>
    /// Building a multi-hot matrix (<c>Utils.MultiHot</c>): 1M floats (4 MB), where each core clears and fills its own
    /// rows of an unzeroed array. Not measured at the boundary: clearing 4 MB alone takes far longer than a hand-off,
    /// and the matrices the tutorials build are hundreds of times larger (IMDB's 1 GB: 111k → 370-418k rows/s on
    /// both cores; bench/README, "encode").
    /// </summary>
    public const int MultiHotElements = 1 << 20;
}
