namespace NotebookNN.Kernels.Threading;

/// <summary>A body run for each index of a parallel loop, as a struct so no delegate is allocated.</summary>
internal interface IParallelBody
{
    void Invoke(int index);
}

/// <summary>
/// Splits kernel work across the machine's cores. The calling thread takes part, so a loop of
/// <c>count</c> parts with <c>count ≤ Workers</c> costs one hand-off, not a thread-pool round trip.
/// PLACEHOLDER: Parallel.For based; the GEMM work replaces it with a low-latency pool.
/// </summary>
internal static class ComputePool
{
    /// <summary>Threads that kernels may use (the processor count).</summary>
    public static int Workers { get; } = Environment.ProcessorCount;

    /// <summary>Runs <paramref name="body"/>(i) for i in [0, count) across the workers; returns when all are done.</summary>
    public static void For<TBody>(int count, ref TBody body) where TBody : struct, IParallelBody
    {
        if (count <= 1) { if (count == 1) body.Invoke(0); return; }
        var copy = body;
        Parallel.For(0, count, i => copy.Invoke(i));
    }

    /// <summary>Delegate form of <see cref="For{TBody}(int, ref TBody)"/> for code off the hot path.</summary>
    public static void For(int count, Action<int> body)
    {
        if (count <= 1) { if (count == 1) body(0); return; }
        Parallel.For(0, count, body);
    }
}
