using System.Globalization;
using System.Text;

namespace NotebookNN.Display;

/// <summary>
/// Fit's verbose-1 progress in a notebook: one display, shown at the first draw and then replaced in place. While
/// training, each redraw is small: the running epoch's step bar, ETA and running values, and the last finished epoch
/// in one line; redraws come as often as the <see cref="RedrawThrottle"/> allows (epoch ends included), so the summed
/// size of all updates of a Fit stays bounded whatever its number of epochs or duration. When training ends the
/// display becomes a table of every epoch (scrollable when long), whose plain-text form is what verbose 1 prints to
/// redirected output, Keras's <c>Epoch 1/30</c> and final bar line per epoch, which <c>ProgbarLogger</c>
/// passes to <see cref="End"/>.
/// </summary>
internal sealed class LiveProgress(Func<object, Action<object>> display, int epochs, int steps, Func<double>? clock) : LiveDisplay(display, clock)
{
    private readonly List<EpochRecord> _done = [];
    private double _epochStart;
    private int _epoch;

    /// <summary>A live display when the hook is set, else null.</summary>
    public static LiveProgress? TryStart(int epochs, int steps, Func<double>? clock) =>
        DisplayHook.Display is { } d ? new LiveProgress(d, epochs, steps, clock) : null;

    public void BeginEpoch(int epoch)
    {
        _epoch = epoch;
        _epochStart = Throttle.Now;
        if (Due()) DrawRunning(0, []);
    }

    /// <summary>Redraws after step <paramref name="step"/> (1-based) of the epoch when the throttle allows.</summary>
    public void Batch(int step, IEnumerable<KeyValuePair<string, double>> logs)
    {
        if (Due()) DrawRunning(step, logs);
    }

    public void EndEpoch(IDictionary<string, double> logs)
    {
        _done.Add(new(_epoch + 1, Throttle.Now - _epochStart, [.. logs]));
        if (Due()) DrawRunning(steps, logs);
    }

    /// <summary>Training ended: the epoch table, with <paramref name="text"/> (Keras's redirected output) as plain text.</summary>
    public void End(string text) => Draw(Finished(_done.Count == 0 ? "" : text.TrimEnd('\n', '\r')));

    /// <summary>Stopped by the notebook: the table of the finished epochs, <paramref name="text"/> and the message.</summary>
    public void Interrupt(string message, string text) => DrawInterrupted(Finished(text.TrimEnd('\n', '\r')), message);

    private LiveView Finished(string text) => new(text) { Epochs = [.. _done], EpochCount = epochs };

    private void DrawRunning(int step, IEnumerable<KeyValuePair<string, double>> logs)
    {
        var (label, barText) = Running(step, steps, Throttle.Now - _epochStart, logs);
        string header = Invariant($"Epoch {_epoch + 1}/{epochs}");
        var text = new StringBuilder(header).Append('\n').Append(barText);
        string? line = null;
        // the last finished epoch before this one (at this epoch's end it is already in the list)
        int previous = _done.Count - (_done.Count > 0 && _done[^1].Epoch == _epoch + 1 ? 2 : 1);
        if (previous >= 0)
        {
            var (e, s, l) = _done[previous];
            line = AppendValues(new StringBuilder(Invariant($"Epoch {e}/{epochs} - {Seconds(s)}")), l).ToString();
            text.Insert(0, line + "\n");
        }
        Draw(new LiveView(text.ToString()) { Header = header, Bar = (step, steps), BarLabel = label, Previous = line });
    }

    /// <summary>An epoch's time as the display shows it, <c>3.1s</c>.</summary>
    internal static string Seconds(double s) => s.ToString("0.0", CultureInfo.InvariantCulture) + "s";
}
