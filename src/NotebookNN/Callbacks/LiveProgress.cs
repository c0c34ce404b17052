using System.Globalization;
using System.Text;
using NotebookNN.Formatting;
using NotebookNN.Text;

namespace NotebookNN.Callbacks;

/// <summary>
/// Fit's verbose-1 progress in a notebook: one display, shown at the first draw and then replaced in place. While
/// training, each redraw is small: the running epoch's step bar, ETA and running values, and the last finished epoch
/// in one line; redraws come as often as the <see cref="RedrawThrottle"/> allows (epoch ends included), so the summed
/// size of all updates of a Fit stays bounded whatever its number of epochs or duration. When training ends the
/// display becomes a table of every epoch (scrollable when long), whose plain-text form is what verbose 1 prints to
/// redirected output, Keras's <c>Epoch 1/30</c> and final bar line per epoch, which <see cref="ProgbarLogger"/>
/// passes to <see cref="End"/>.
/// </summary>
internal sealed class LiveProgress(Func<object, Action<object>> display, int epochs, int steps, Func<double>? clock) : LiveDisplay(display, clock)
{
    /// <summary>Epoch tables longer than this scroll.</summary>
    private const int ScrollRows = 15;

    private readonly List<(int Epoch, double Seconds, KeyValuePair<string, double>[] Logs)> _done = [];
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
        _done.Add((_epoch + 1, Throttle.Now - _epochStart, [.. logs]));
        if (Due()) DrawRunning(steps, logs);
    }

    /// <summary>Training ended: the epoch table, with <paramref name="text"/> (Keras's redirected output) as plain text.</summary>
    public void End(string text)
    {
        var table = Table();
        Draw(table, _done.Count == 0 ? "" : text.TrimEnd('\n', '\r'));
    }

    /// <summary>Stopped by the notebook: the table of the finished epochs, <paramref name="text"/> and the message.</summary>
    public void Interrupt(string message, string text) => DrawInterrupted((Table(), text.TrimEnd('\n', '\r')), message);

    private void DrawRunning(int step, IEnumerable<KeyValuePair<string, double>> logs)
    {
        var (barHtml, barText) = Running(step, steps, Throttle.Now - _epochStart, logs);
        string header = Invariant($"Epoch {_epoch + 1}/{epochs}");
        var html = new StringBuilder("<div>").Append(header).Append(' ').Append(barHtml).Append("</div>");
        var text = new StringBuilder(header).Append('\n').Append(barText);
        // the last finished epoch before this one (at this epoch's end it is already in the list)
        int previous = _done.Count - (_done.Count > 0 && _done[^1].Epoch == _epoch + 1 ? 2 : 1);
        if (previous >= 0)
        {
            var (e, s, l) = _done[previous];
            string line = AppendValues(new StringBuilder(Invariant($"Epoch {e}/{epochs} - {Seconds(s)}")), l).ToString();
            html.Append("<div style=\"color:#666\">").Append(Html.Escape(line)).Append("</div>");
            text.Insert(0, line + "\n");
        }
        Draw(html.ToString(), text.ToString());
    }

    /// <summary>Every finished epoch: its time and values, one column per log key.</summary>
    private string Table()
    {
        if (_done.Count == 0) return "";
        var keys = _done.SelectMany(d => d.Logs.Select(kv => kv.Key)).Distinct().ToList();
        var sb = new StringBuilder(Html.TableStyle);
        if (_done.Count > ScrollRows) sb.Append("<div style=\"max-height:24em;overflow-y:auto;display:inline-block\">");
        sb.Append("<table class=\"nnn nnn-epochs\"><thead>");
        Html.Row(sb, "th", ["Epoch", "Time", .. keys]);
        sb.Append("</thead><tbody>");
        foreach (var (e, s, l) in _done)
        {
            var values = l.ToDictionary(kv => kv.Key, kv => kv.Value);
            Html.Row(sb, "td", [$"{e}/{epochs}", Seconds(s), .. keys.Select(k => values.TryGetValue(k, out var v) ? Num(v) : "")]);
        }
        sb.Append("</tbody></table>");
        if (_done.Count > ScrollRows) sb.Append("</div>");
        return sb.ToString();
    }

    private static string Seconds(double s) => s.ToString("0.0", CultureInfo.InvariantCulture) + "s";

    /// <summary>A value as Keras's progress bar writes it (<c>%.4f</c>, Python's rounding; <c>%.4e</c> near zero).</summary>
    private static string Num(double v) => PythonText.ProgbarValue(v);
}
