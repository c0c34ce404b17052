using System.Diagnostics;

namespace NotebookNN.Display;

/// <summary>
/// When a live display may redraw, so that the updates of one run stay few whatever its length: at most every
/// <see cref="MinInterval"/> seconds (4 a second) for the first <see cref="MinInterval"/> · <see cref="Growth"/>
/// = 10 s, then at most every elapsed / <see cref="Growth"/> seconds (7.5 s apart after 5 minutes, 45 s after half an
/// hour). The number of redraws so grows with the logarithm of the duration: at most 40 in the first 10 s, then
/// 40 · ln(T / 10 s) more (≈ 84 in all for 30 s, ≈ 250 for 30 minutes, ≈ 370 for 10 hours). Asking
/// (<see cref="Due"/>) is one clock read and allocates nothing, so a training loop may ask after every step.
/// </summary>
internal sealed class RedrawThrottle
{
    /// <summary>Least seconds between two redraws.</summary>
    public const double MinInterval = 0.25;

    /// <summary>Past the first seconds, the interval is the time elapsed divided by this.</summary>
    public const double Growth = 40;

    private readonly Func<double> _clock;
    private readonly double _start;
    private double _last = double.NegativeInfinity;

    /// <param name="clock">Seconds from any origin (tests pass a scripted one); a stopwatch when null.</param>
    public RedrawThrottle(Func<double>? clock)
    {
        _clock = clock ?? Stopwatch.StartNew() switch { var sw => () => sw.Elapsed.TotalSeconds };
        _start = _clock();
    }

    /// <summary>The clock's reading now.</summary>
    public double Now => _clock();

    /// <summary>Seconds since the throttle was made (the call started).</summary>
    public double Elapsed => _clock() - _start;

    /// <summary>Least seconds between redraws once <paramref name="elapsed"/> seconds have passed.</summary>
    public static double Interval(double elapsed) => Math.Max(MinInterval, elapsed / Growth);

    /// <summary>Whether a redraw now would respect the interval.</summary>
    public bool Due()
    {
        double now = _clock();
        return now - _last >= Interval(now - _start);
    }

    /// <summary>Records a redraw made now.</summary>
    public void Drawn() => _last = _clock();
}
