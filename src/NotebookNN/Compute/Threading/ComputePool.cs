using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace NotebookNN.Compute.Threading;

/// <summary>A body run for each index of a parallel loop, as a struct so no delegate is allocated.</summary>
internal interface IParallelBody
{
    void Invoke(int index);
}

/// <summary>
/// Splits kernel work across the machine's cores with persistent worker threads. The calling thread takes part,
/// so a loop of <c>count</c> parts costs one hand-off (well under a microsecond while the workers spin), not a
/// thread-pool round trip. Workers spin briefly after each loop, then block until the next one.
/// </summary>
/// <remarks>
/// One loop runs at a time. A call made while a loop is running (from inside a body, i.e. nested, or from another
/// thread at the same moment) runs its indices inline on its own thread, which is correct and never deadlocks.
/// Indices are claimed from a shared counter, so each runs exactly once. The first exception thrown by a body is
/// rethrown to the caller after every claimed index has finished; the indices not yet claimed are skipped.
/// </remarks>
internal static unsafe class ComputePool
{
    /// <summary>Threads that kernels may use (the processor count).</summary>
    public static int Workers { get; } = Environment.ProcessorCount;

    /// <summary>How long an idle worker spins for the next loop before it blocks. Waking a blocked worker took ~50-100 µs
    /// on this 2-vCPU VM, and a training step has serial stretches (element-wise ops, the loss) longer than 100 µs
    /// between its parallel GEMMs: with a 100 µs spin, 70% of the batch-512 GEMMs started with the worker asleep and
    /// the caller waited ~80 µs for it each time; with 5 ms, under 2% did. An idle notebook pays 5 ms of one core's
    /// spinning after its last op.</summary>
    private static readonly long SpinTicks = System.Diagnostics.Stopwatch.Frequency / 200;

    private static readonly object Gate = new();
    private static int _busy;           // 1 while a loop owns the pool
    private static long _generation;    // bumped per loop; workers wake on a change
    private static int _open;           // 1 while a loop accepts workers
    private static int _inside;         // workers currently inside a loop
    private static int _sleeping;       // workers blocked on Gate
    private static int _next, _count;
    private static delegate*<void*, int, void> _run;
    private static void* _body;
    private static ExceptionDispatchInfo? _error;
    private static bool _started;

    /// <summary>Runs <paramref name="body"/>(i) for i in [0, count) across the workers; returns when all are done.</summary>
    public static void For<TBody>(int count, ref TBody body) where TBody : struct, IParallelBody
    {
        if (count <= 0) return;
        if (count == 1 || Workers == 1 || Interlocked.CompareExchange(ref _busy, 1, 0) != 0)
        {
            for (int i = 0; i < count; i++) body.Invoke(i);
            return;
        }
        var copy = body; // on this stack frame, which outlives the loop: workers reach it by pointer
        try { Run(count, &Invoke<TBody>, Unsafe.AsPointer(ref copy)); }
        finally { Volatile.Write(ref _busy, 0); }
    }

    /// <summary>Delegate form of <see cref="For{TBody}(int, ref TBody)"/> for code off the hot path.</summary>
    public static void For(int count, Action<int> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var wrapper = new DelegateBody(body);
        For(count, ref wrapper);
    }

    private readonly struct DelegateBody(Action<int> body) : IParallelBody
    {
        public void Invoke(int index) => body(index);
    }

    private static void Invoke<TBody>(void* body, int index) where TBody : struct, IParallelBody =>
        Unsafe.AsRef<TBody>(body).Invoke(index);

    private static void Run(int count, delegate*<void*, int, void> run, void* body)
    {
        EnsureStarted();
        _run = run; _body = body; _count = count; _next = 0; _error = null;
        Interlocked.Increment(ref _generation);
        Interlocked.Exchange(ref _open, 1); // full fence: the read of _sleeping below must not move above it
        if (Volatile.Read(ref _sleeping) > 0)
            lock (Gate) Monitor.PulseAll(Gate);
        Work();
        // every index is claimed: close the loop, then wait for workers still finishing theirs
        Volatile.Write(ref _open, 0);
        var spin = new SpinWait();
        while (Volatile.Read(ref _inside) != 0) spin.SpinOnce(-1);
        _run = null; _body = null;
        var error = _error;
        _error = null;
        error?.Throw();
    }

    /// <summary>Claims and runs indices until none are left.</summary>
    private static void Work()
    {
        int count = _count;
        var run = _run;
        void* body = _body;
        int i;
        while ((i = Interlocked.Increment(ref _next) - 1) < count)
        {
            if (Volatile.Read(ref _error) is not null) continue; // a body failed: skip the rest
            try { run(body, i); }
            catch (Exception e) { Interlocked.CompareExchange(ref _error, ExceptionDispatchInfo.Capture(e), null); }
        }
    }

    private static void EnsureStarted()
    {
        if (_started) return;
        _started = true; // only the pool owner gets here, so there is no race
        for (int w = 1; w < Workers; w++)
            new Thread(WorkerLoop) { IsBackground = true, Name = $"NotebookNN compute {w}" }.Start();
    }

    private static void WorkerLoop()
    {
        long seen = 0;
        while (true)
        {
            seen = WaitForLoop(seen);
            Interlocked.Increment(ref _inside);
            // enter only while the loop is open: its fields are then complete and stay unchanged until _inside is 0
            if (Volatile.Read(ref _open) == 1)
            {
                seen = Volatile.Read(ref _generation);
                Work();
            }
            Interlocked.Decrement(ref _inside);
        }
    }

    /// <summary>Spins, then blocks, until a loop newer than <paramref name="seen"/> is open; returns its generation.</summary>
    private static long WaitForLoop(long seen)
    {
        long deadline = System.Diagnostics.Stopwatch.GetTimestamp() + SpinTicks;
        do
        {
            for (int s = 0; s < 64; s++)
            {
                if (Volatile.Read(ref _generation) != seen && Volatile.Read(ref _open) == 1) return seen;
                Thread.SpinWait(1);
            }
        } while (System.Diagnostics.Stopwatch.GetTimestamp() < deadline);
        lock (Gate)
        {
            Interlocked.Increment(ref _sleeping);
            while (Volatile.Read(ref _generation) == seen || Volatile.Read(ref _open) == 0) Monitor.Wait(Gate);
            Interlocked.Decrement(ref _sleeping);
        }
        return seen;
    }
}
