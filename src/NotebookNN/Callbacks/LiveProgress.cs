using System.Diagnostics;
using System.Globalization;
using System.Text;
using NotebookNN.Formatting;

namespace NotebookNN.Callbacks;

/// <summary>
/// Fit's progress as one HTML display updated in place through <see cref="DisplayHook"/>: the running epoch with a
/// step bar, ETA and running metrics, above a table of finished epochs; at most one redraw per
/// <see cref="Interval"/> seconds (epoch ends always redraw), and when training ends only the per-epoch table stays.
/// Its plain-text form (what a viewer without HTML shows) is then what verbose 1 prints to redirected output, Keras's
/// <c>Epoch 1/30</c> and final bar line per epoch, which <see cref="ProgbarLogger"/> passes to <see cref="End"/>.
/// </summary>
internal sealed class LiveProgress
{
    /// <summary>Minimum seconds between redraws within an epoch.</summary>
    public const double Interval = 0.25;

    private readonly Action<object> _update;
    private readonly Func<double> _clock;
    private readonly int _epochs, _steps;
    private readonly List<(int Epoch, double Seconds, KeyValuePair<string, double>[] Logs)> _done = [];
    private double _epochStart, _lastDraw = double.NegativeInfinity;
    private int _epoch;
    private string _finalText = "";

    private LiveProgress(Func<object, Action<object>> display, int epochs, int steps, Func<double>? clock)
    {
        _epochs = epochs;
        _steps = steps;
        _clock = clock ?? Stopwatch.StartNew() switch { var sw => () => sw.Elapsed.TotalSeconds };
        _update = display(Fragment(Render(0, [], running: false)));
    }

    /// <summary>A live display when the hook is set, else null.</summary>
    public static LiveProgress? TryStart(int epochs, int steps, Func<double>? clock) =>
        DisplayHook.Display is { } d ? new LiveProgress(d, epochs, steps, clock) : null;

    public void BeginEpoch(int epoch) { _epoch = epoch; _epochStart = _clock(); }

    public void Batch(int step, IDictionary<string, double> logs)
    {
        double now = _clock();
        if (now - _lastDraw < Interval) return;
        _lastDraw = now;
        _update(Fragment(Render(step, logs, running: true)));
    }

    public void EndEpoch(IDictionary<string, double> logs)
    {
        _done.Add((_epoch + 1, _clock() - _epochStart, [.. logs]));
        _lastDraw = _clock();
        _update(Fragment(Render(_steps, logs, running: true)));
    }

    /// <summary>Training ended: the epoch table, with <paramref name="text"/> as the plain-text form.</summary>
    public void End(string text)
    {
        _finalText = text.TrimEnd('\n', '\r');
        _update(Fragment(Render(0, [], running: false)));
    }

    private static HtmlFragment Fragment((string Html, string Text) r) => new(r.Html, r.Text);

    private (string, string) Render(int step, IEnumerable<KeyValuePair<string, double>> logs, bool running)
    {
        var sb = new StringBuilder(Html.TableStyle).Append("<div class=\"nnn-progress\" style=\"font-family:monospace;font-size:12px\">");
        string text = "";
        if (running)
        {
            double elapsed = _clock() - _epochStart;
            var c = CultureInfo.InvariantCulture; // Keras's numbers whatever the notebook's culture
            string eta = step >= _steps || step == 0 ? string.Create(c, $"{elapsed:0}s") : string.Create(c, $"ETA {elapsed / step * (_steps - step):0}s");
            string metrics = string.Join(" · ", logs.Select(kv => $"{kv.Key}: {Num(kv.Value)}"));
            text = $"Epoch {_epoch + 1}/{_epochs} {step}/{_steps} {eta} {metrics}";
            sb.Append("<div>Epoch ").Append(_epoch + 1).Append('/').Append(_epochs).Append(' ')
              .Append("<progress max=\"").Append(Math.Max(_steps, 1)).Append("\" value=\"").Append(step).Append("\" style=\"width:240px;vertical-align:middle\"></progress> ")
              .Append(step).Append('/').Append(_steps).Append(" · ").Append(Html.Escape(eta))
              .Append(" · ").Append(Html.Escape(metrics)).Append("</div>");
        }
        if (_done.Count > 0)
        {
            var keys = _done.SelectMany(d => d.Logs.Select(kv => kv.Key)).Distinct().ToList();
            sb.Append("<table class=\"nnn nnn-epochs\"><thead>");
            Html.Row(sb, "th", ["Epoch", "Time", .. keys]);
            sb.Append("</thead><tbody>");
            foreach (var (e, s, l) in _done)
                Html.Row(sb, "td", [$"{e}/{_epochs}", string.Create(CultureInfo.InvariantCulture, $"{s:0.0}s"), .. keys.Select(k => l.FirstOrDefault(kv => kv.Key == k) is { Key: not null } kv ? Num(kv.Value) : "")]);
            sb.Append("</tbody></table>");
            if (!running) text = _finalText;
        }
        return (sb.Append("</div>").ToString(), text);
    }

    /// <summary>A value as Keras's progress bar writes it (<c>%.4f</c>, Python's rounding; <c>%.4e</c> near zero).</summary>
    private static string Num(double v) => ProgbarText.FormatValue(v, absolute: true);
}
