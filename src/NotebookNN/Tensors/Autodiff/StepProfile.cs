using System.Diagnostics;

namespace NotebookNN.Tensors;

/// <summary>
/// A per-section clock of training steps for the bench's <c>cnn-profile</c>: off by default, and then every hook is one
/// test of a static flag (no clock read, no allocation). On, the trainer charges its phases (batch gather, loss,
/// optimizer, metric tracking, the tape's own bookkeeping, the whole step), a Sequential stack each layer's forward
/// call, and the tape each recorded op's backward to the section that was running when the op was recorded (a layer,
/// or the loss). Ticks are <see cref="Stopwatch"/> ticks, summed until <see cref="Reset"/>; one thread at a time.
/// </summary>
internal static class StepProfile
{
    /// <summary>Fixed sections; a Sequential's layer i is <see cref="Layer0"/> + i (the last slots are shared by deep stacks).</summary>
    public const int Other = 0, Gather = 1, Loss = 2, Optimizer = 3, Track = 4, Tape = 5, Step = 6, Between = 7, Layer0 = 8, Count = 64;

    /// <summary>Whether the hooks read the clock.</summary>
    internal static bool Enabled;

    /// <summary>The forward section now running: an op recorded on the tape keeps it for its backward.</summary>
    internal static int Section;

    /// <summary>Forward (or phase) and backward ticks by section.</summary>
    internal static readonly long[] Forward = new long[Count], Backward = new long[Count];

    /// <summary>Train steps counted since <see cref="Reset"/>.</summary>
    internal static long Steps;

    /// <summary>Each step's forward and backward ticks by section (rows of 2 × <see cref="Count"/>), for medians that a
    /// loaded machine's preemptions do not move; the first <see cref="History"/>.Length / (2·Count) steps are kept.</summary>
    internal static long[] History = [];

    private static readonly long[] Before = new long[2 * Count];
    private static long _lastEnd;

    /// <summary>Called at a train step's start: the time since the previous step's end is the fit loop's
    /// (<see cref="Between"/>).</summary>
    public static void BeginStep(long clock)
    {
        Forward.CopyTo(Before, 0);
        Backward.CopyTo(Before, Count);
        if (_lastEnd != 0) Forward[Between] += clock - _lastEnd;
    }

    /// <summary>Called at a train step's end: keeps the step's ticks by section in <see cref="History"/>.</summary>
    public static void EndStep()
    {
        int row = 2 * Count;
        long step = Steps;
        var history = History;
        if ((step + 1) * row <= history.Length)
        {
            var h = history.AsSpan((int)(step * row), row);
            for (int i = 0; i < Count; i++) { h[i] = Forward[i] - Before[i]; h[Count + i] = Backward[i] - Before[Count + i]; }
        }
        Steps++;
        _lastEnd = Stopwatch.GetTimestamp();
    }

    /// <summary>The median over the kept steps of one section's forward (or, with <paramref name="backward"/>, backward) ms.</summary>
    public static double MedianMs(int section, bool backward = false) =>
        MedianMs(row => row[(backward ? Count : 0) + section]);

    /// <summary>The median over the kept steps of a value computed from each step's row (forward ticks by section, then
    /// backward ticks by section), in ms.</summary>
    public static double MedianMs(Func<long[], long> value)
    {
        int kept = (int)Math.Min(Steps, History.Length / (2 * Count));
        if (kept == 0) return 0;
        var values = new long[kept];
        var row = new long[2 * Count];
        for (int s = 0; s < kept; s++)
        {
            Array.Copy(History, s * 2 * Count, row, 0, row.Length);
            values[s] = value(row);
        }
        Array.Sort(values);
        return values[kept / 2] * 1e3 / Stopwatch.Frequency;
    }

    /// <summary>The section of a stack's layer <paramref name="index"/>.</summary>
    public static int LayerSection(int index) => Math.Min(Layer0 + index, Count - 1);

    /// <summary>Turns the clock on or off (a step of the fit loop is charged only between two profiled steps).</summary>
    public static void SetEnabled(bool on)
    {
        Enabled = on;
        _lastEnd = 0;
    }

    /// <summary>The clock when profiling, else 0 (the hooks then skip their charge).</summary>
    public static long Start() => Enabled ? Stopwatch.GetTimestamp() : 0;

    /// <summary>Charges the time since <paramref name="start"/> (from <see cref="Start"/>) to a forward or phase section.</summary>
    public static void Charge(int section, long start)
    {
        if (start != 0) Forward[section] += Stopwatch.GetTimestamp() - start;
    }

    /// <summary>Charges the time since <paramref name="start"/> to a section's backward.</summary>
    public static void ChargeBackward(int section, long start)
    {
        if (start != 0) Backward[section] += Stopwatch.GetTimestamp() - start;
    }

    /// <summary>Clears the sums and keeps the next <paramref name="keptSteps"/> steps' rows.</summary>
    public static void Reset(int keptSteps = 0)
    {
        Array.Clear(Forward);
        Array.Clear(Backward);
        if (History.Length != keptSteps * 2 * Count) History = new long[keptSteps * 2 * Count];
        Steps = 0;
        _lastEnd = 0;
        Section = Other;
    }

    /// <summary>Milliseconds a step of summed <paramref name="ticks"/>.</summary>
    public static double MsPerStep(long ticks) => Steps == 0 ? 0 : ticks * 1e3 / Stopwatch.Frequency / Steps;
}
