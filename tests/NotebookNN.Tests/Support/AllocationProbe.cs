namespace NotebookNN.Tests.Support;

/// <summary>
/// Bytes the calling thread allocates per call of some warm code, read from <see cref="GC.GetAllocatedBytesForCurrentThread"/>.
/// </summary>
/// <remarks>
/// That counter is exact in a quiet window but can be off by a few bytes in one during which the runtime reset the
/// thread's allocation context (dotnet/coreclr#10207: "unpredictably returns inaccurate values" around collections; the
/// runtime's own test of it was made lenient). Tests running in parallel trigger such moments at any time: CI once
/// read 105 bytes over four train steps, a count no object has (object sizes are multiples of 8). So the window is
/// measured up to <see cref="Windows"/> times and the least reading is reported, stopping at the first zero. Code that
/// allocates on every call shows it in every window, so a test asserting zero still fails on it.
/// </remarks>
public static class AllocationProbe
{
    public const int Windows = 5;

    /// <summary>Runs <paramref name="call"/>(0) … (<paramref name="calls"/> − 1) per window; returns the least bytes per call.</summary>
    public static double BytesPerCall(int calls, Action<int> call)
    {
        double least = double.PositiveInfinity;
        for (int window = 0; window < Windows && least > 0; window++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < calls; i++) call(i);
            least = Math.Min(least, (GC.GetAllocatedBytesForCurrentThread() - before) / (double)calls);
        }
        return least;
    }
}
