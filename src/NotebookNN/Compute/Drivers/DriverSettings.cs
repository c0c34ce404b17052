namespace NotebookNN.Compute.Drivers;

/// <summary>Tuning constants shared by the elementwise and reduction drivers.</summary>
internal static class DriverSettings
{
    /// <summary>
    /// Elements below which an elementwise op or reduction stays on the calling thread. A cheap op streams
    /// ~4-8 floats per cycle, so 64K floats (256 KiB, the size of one core's L2 share of a hot tensor) take
    /// ~5-10 µs on one core, while handing work to another core costs a few µs; below this, splitting loses.
    /// </summary>
    public const int ParallelThreshold = 1 << 16;

    /// <summary>Elements per parallel chunk: fixed (not derived from the core count), so float reductions
    /// add in the same order on every machine and every run.</summary>
    public const int ChunkSize = 1 << 15;

    /// <summary>Number of chunks for <paramref name="n"/> elements when n ≥ <see cref="ParallelThreshold"/>.</summary>
    public static int Chunks(long n) => (int)((n + ChunkSize - 1) / ChunkSize);
}
