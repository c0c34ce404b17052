using System.Diagnostics;
using System.Text;
using NotebookNN.Text;

namespace NotebookNN.Display;

/// <summary>
/// Keras 2's text progress bar (<c>tf.keras.utils.Progbar</c>), character for character: verbose 1 draws
/// <c>1719/1719 [==============================] - 3s 2ms/step - loss: 0.4843 - accuracy: 0.8318</c>, with
/// <c>ETA: …</c> while running; verbose 2 prints one line when the epoch ends.
/// </summary>
/// <remarks>
/// Metrics not listed as stateful are averaged over the steps seen, weighted by steps per update; stateful ones
/// are shown as given. On an interactive display each redraw starts with backspaces over the previous line and
/// <c>\r</c>; otherwise each redraw starts a new line (Keras 2's <c>_dynamic_display</c>). Redraws are throttled to
/// one per <c>interval</c> seconds except the final one. Time comes from an injectable clock, output goes to a
/// <see cref="TextWriter"/>, so the output is a pure function of the updates and clock readings.
/// Keras 2's fit drives it with one bar per epoch: <c>Update(step, logs, finalize: false)</c> after each batch and
/// <c>Update(target, logs, finalize: true)</c> at the epoch's end, with every compiled metric (and <c>loss</c>) stateful.
/// </remarks>
public sealed class Progbar
{
    private readonly TextWriter _out;
    private readonly Func<double> _clock;
    private readonly HashSet<string> _stateful;
    private readonly Dictionary<string, (double Sum, double Count)> _values = [];
    private readonly List<string> _order = [];
    private readonly double _start;
    private double? _lastUpdate, _timeAfterFirstStep, _timeAtEpochEnd;
    private double _timeAtEpochStart;
    private int _totalWidth, _seenSoFar;

    /// <param name="target">Total number of steps, or null when unknown.</param>
    /// <param name="width">Bar width in characters.</param>
    /// <param name="verbose">0 silent, 1 bar, 2 one line per epoch.</param>
    /// <param name="interval">Minimum seconds between redraws.</param>
    /// <param name="statefulMetrics">Metrics displayed as given instead of averaged.</param>
    /// <param name="unitName">Unit shown in the time per unit, e.g. <c>step</c>.</param>
    /// <param name="output">Where to write; the console when null.</param>
    /// <param name="isInteractive">Redraw in place; by default true for a console that is not redirected.</param>
    /// <param name="clock">Seconds from any origin; a stopwatch when null.</param>
    public Progbar(int? target, int width = 30, int verbose = 1, double interval = 0.05,
        IEnumerable<string>? statefulMetrics = null, string unitName = "step", TextWriter? output = null,
        bool? isInteractive = null, Func<double>? clock = null)
    {
        if (target is <= 0) throw new ArgumentException($"Argument `target` must be a positive integer or None. Received: target={target}", nameof(target));
        Target = target;
        Width = width;
        Verbose = verbose;
        Interval = interval;
        UnitName = unitName;
        _stateful = [.. statefulMetrics ?? []];
        _out = output ?? Console.Out;
        IsInteractive = isInteractive ?? (output is null && !Console.IsOutputRedirected);
        _clock = clock ?? Stopwatch.StartNew() switch { var sw => () => sw.Elapsed.TotalSeconds };
        _start = _timeAtEpochStart = _clock();
    }

    /// <summary>Total number of steps, or null.</summary>
    public int? Target { get; }
    /// <summary>Bar width in characters.</summary>
    public int Width { get; }
    /// <summary>Verbosity: 0, 1 or 2.</summary>
    public int Verbose { get; }
    /// <summary>Minimum seconds between redraws.</summary>
    public double Interval { get; }
    /// <summary>Unit name shown per unit of time.</summary>
    public string UnitName { get; }
    /// <summary>Whether the bar is redrawn in place (Keras's dynamic display).</summary>
    public bool IsInteractive { get; }

    /// <summary>Advances the bar by <paramref name="n"/> steps.</summary>
    public void Add(int n, IEnumerable<KeyValuePair<string, double>>? values = null) => Update(_seenSoFar + n, values);

    /// <summary>
    /// Records the values of the latest steps and redraws. <paramref name="finalize"/> defaults to
    /// <c>current &gt;= target</c>; the final draw ends the line.
    /// </summary>
    public void Update(int current, IEnumerable<KeyValuePair<string, double>>? values = null, bool? finalize = null)
    {
        bool last = finalize ?? (Target is { } t && current >= t);
        Accumulate(current, values);
        double now = _clock();
        string elapsed = " - " + PythonText.Fixed(now - _start, 0) + "s";
        if (current == Target) _timeAtEpochEnd = now;
        if (Verbose == 1)
        {
            if (_lastUpdate is { } lu && now - lu < Interval && !last) return;
            _out.Write(DrawLine(current, now, last, elapsed));
            _out.Flush();
        }
        else if (Verbose == 2 && last)
        {
            _out.Write(EpochLine(current, now, elapsed));
            _out.Flush();
        }
        _lastUpdate = now;
    }

    private void Accumulate(int current, IEnumerable<KeyValuePair<string, double>>? values)
    {
        foreach (var (name, value) in values ?? [])
        {
            if (!_order.Contains(name)) _order.Add(name);
            if (_stateful.Contains(name)) { _values[name] = (value, 1); continue; }
            int weight = Math.Max(current - _seenSoFar, 1);
            var (sum, count) = _values.GetValueOrDefault(name);
            _values[name] = (sum + value * weight, count + weight);
        }
        _seenSoFar = current;
    }

    private string DrawLine(int current, double now, bool last, string elapsed)
    {
        var message = new StringBuilder();
        int previousWidth = _totalWidth;
        if (IsInteractive) message.Append('\b', previousWidth).Append('\r');
        else message.Append('\n');
        string bar = Bar(current);
        _totalWidth = bar.Length;
        message.Append(bar);
        double perUnit = StepDuration(current, now);
        var info = new StringBuilder(Target is null || last
            ? elapsed + ProgbarText.FormatTime(perUnit, UnitName)
            : " - ETA: " + ProgbarText.FormatEta(perUnit * (Target.Value - current)));
        foreach (var name in _order)
            info.Append(" - ").Append(name).Append(": ").Append(PythonText.ProgbarValue(Average(name)));
        _totalWidth += info.Length;
        if (previousWidth > _totalWidth) info.Append(' ', previousWidth - _totalWidth);
        if (last) info.Append('\n');
        return message.Append(info).ToString();
    }

    private string Bar(int current)
    {
        if (Target is not { } target) return current.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(7) + "/Unknown";
        return ProgbarText.Bar(current, target, Width);
    }

    private string EpochLine(int current, double now, string elapsed)
    {
        int target = Target ?? current;
        var info = new StringBuilder(ProgbarText.Count(current, target)).Append(elapsed);
        foreach (var name in _order)
            info.Append(" - ").Append(name).Append(": ").Append(PythonText.ProgbarValue(Average(name), absolute: false));
        if (_timeAtEpochEnd is { } end)
        {
            double perEpoch = end - _timeAtEpochStart;
            _timeAtEpochStart = now;
            _timeAtEpochEnd = null;
            info.Append(" -").Append(ProgbarText.FormatTime(perEpoch, "epoch"))
                .Append(" -").Append(ProgbarText.FormatTime(perEpoch / target, UnitName)).Append('\n');
        }
        return info.ToString();
    }

    private double Average(string name) => _values[name] switch { var (sum, count) => sum / Math.Max(1, count) };

    /// <summary>Seconds per step, ignoring the first step (often slow) once later steps exist.</summary>
    private double StepDuration(int current, double now)
    {
        if (current == 0) return 0;
        double perUnit = _timeAfterFirstStep is { } first && current > 1
            ? (now - first) / (current - 1)
            : (now - _start) / current;
        if (current == 1) _timeAfterFirstStep = now;
        return perUnit;
    }
}
