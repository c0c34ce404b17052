using System.Text;
using NotebookNN.Text;

namespace NotebookNN.Display;

/// <summary>
/// One live output of a Fit, Evaluate or Predict call in a notebook: shown through <see cref="DisplayHook.Display"/> at
/// its first draw, then only replaced in place through the updater the hook returned, at the pace a
/// <see cref="RedrawThrottle"/> allows (the final and interrupted states are always drawn). Each draw is a
/// <see cref="LiveView"/> (data), which the kernel formats both as <c>text/html</c> and as <c>text/plain</c>.
/// </summary>
internal abstract class LiveDisplay(Func<object, Action<object>> display, Func<double>? clock)
{
    private Action<object>? _update;

    /// <summary>The pace of redraws.</summary>
    protected RedrawThrottle Throttle { get; } = new(clock);

    /// <summary>Whether a redraw now would respect the throttle (one clock read, no allocation).</summary>
    public bool Due() => Throttle.Due();

    /// <summary>Shows (first time) or replaces the display.</summary>
    protected void Draw(LiveView view)
    {
        if (_update is null) _update = display(view);
        else _update(view);
        Throttle.Drawn();
    }

    /// <summary>The call was stopped by the notebook: <paramref name="done"/> (what finished, with its text) and the message.</summary>
    protected void DrawInterrupted(LiveView done, string message) =>
        Draw(new LiveView(done.Text.Length == 0 ? message : done.Text + "\n" + message)
        {
            Epochs = done.Epochs, EpochCount = done.EpochCount, Message = message,
        });

    /// <summary>
    /// A running bar as Keras's verbose 1 draws it: the label after the bar, <c>120/1875 - ETA: 12s - loss: 0.4321</c>
    /// (<c>1875/1875 - 3s 2ms/step - …</c> once complete), and the text, <c> 120/1875 [====&gt;…] - ETA: 12s - …</c>.
    /// </summary>
    protected static (string Label, string Text) Running(int step, int steps, double elapsed, IEnumerable<KeyValuePair<string, double>> logs)
    {
        var info = new StringBuilder();
        if (step > 0 && step < steps) info.Append(" - ETA: ").Append(ProgbarText.FormatEta(elapsed / step * (steps - step)));
        else if (step > 0) info.Append(" - ").Append(PythonText.Fixed(elapsed, 0)).Append('s').Append(ProgbarText.FormatTime(elapsed / step, "step"));
        AppendValues(info, logs);
        return (ProgbarText.Count(step, steps) + info, ProgbarText.Bar(step, steps) + info);
    }

    /// <summary><c> - loss: 0.4321 - accuracy: 0.8765</c>, numbers as Keras's bar writes them.</summary>
    protected static StringBuilder AppendValues(StringBuilder sb, IEnumerable<KeyValuePair<string, double>> logs)
    {
        foreach (var (name, value) in logs) sb.Append(" - ").Append(name).Append(": ").Append(PythonText.ProgbarValue(value));
        return sb;
    }
}
