namespace NotebookNN.Tests.Support;

/// <summary>
/// Bytes the calling thread allocates per call of some warm code, read from <see cref="GC.GetAllocatedBytesForCurrentThread"/>.
/// </summary>
/// <remarks>
/// A single window can read a few bytes that are not the code's steady state: the runtime does one-off work on the
/// calling thread (a method reaching its optimised tier, a type load), and the counter's accounting of the thread's
/// allocation context is not exact across a collection another thread started (dotnet/coreclr#10207, "unpredictably
/// returns inaccurate values"; the runtime's own test of the API was made lenient). CI once read 105 bytes over four
/// warm train steps, a count no object has (object sizes are multiples of 8), while twelve runs of the whole suite here
/// (six with a busy core beside them) read 0 in every window. So the window is measured up to <see cref="Windows"/>
/// times and the least reading is reported, stopping at the first zero.
/// Code that allocates on every call shows it in every window, so a test asserting zero still fails on it
/// (TrainStepAllocationTests.TheProbeReportsAnAllocationMadeOnEveryCall).
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
