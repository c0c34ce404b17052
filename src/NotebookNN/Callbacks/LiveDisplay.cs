using System.Text;
using NotebookNN.Formatting;
using NotebookNN.Text;

namespace NotebookNN.Callbacks;

/// <summary>
/// One live output of a Fit, Evaluate or Predict call in a notebook: shown through <see cref="DisplayHook.Display"/> at
/// its first draw, then only replaced in place through the updater the hook returned, at the pace a
/// <see cref="RedrawThrottle"/> allows (the final and interrupted states are always drawn). Each draw is an
/// <see cref="HtmlFragment"/>, which the kernel formats both as <c>text/html</c> and as <c>text/plain</c>.
/// </summary>
internal abstract class LiveDisplay(Func<object, Action<object>> display, Func<double>? clock)
{
    private Action<object>? _update;

    /// <summary>The pace of redraws.</summary>
    protected RedrawThrottle Throttle { get; } = new(clock);

    /// <summary>Whether a redraw now would respect the throttle (one clock read, no allocation).</summary>
    public bool Due() => Throttle.Due();

    /// <summary>Shows (first time) or replaces the display.</summary>
    protected void Draw(string html, string text)
    {
        var fragment = new HtmlFragment("<div class=\"nnn-progress\" style=\"font-family:monospace;font-size:12px\">" + html + "</div>", text);
        if (_update is null) _update = display(fragment);
        else _update(fragment);
        Throttle.Drawn();
    }

    /// <summary>The call was stopped by the notebook: <paramref name="done"/> (HTML and text of what finished) and the message.</summary>
    protected void DrawInterrupted((string Html, string Text) done, string message) =>
        Draw(done.Html + "<div style=\"color:#b00020\">" + Html.Escape(message) + "</div>",
            done.Text.Length == 0 ? message : done.Text + "\n" + message);

    /// <summary>
    /// A running bar as Keras's verbose 1 draws it, <c> 120/1875 [====&gt;…] - ETA: 12s - loss: 0.4321</c> as text
    /// (<c>1875/1875 […] - 3s 2ms/step - …</c> once complete), and
    /// as HTML a <c>&lt;progress&gt;</c> element followed by the same count, ETA and values.
    /// </summary>
    protected static (string Html, string Text) Running(int step, int steps, double elapsed, IEnumerable<KeyValuePair<string, double>> logs)
    {
        var info = new StringBuilder();
        if (step > 0 && step < steps) info.Append(" - ETA: ").Append(ProgbarText.FormatEta(elapsed / step * (steps - step)));
        else if (step > 0) info.Append(" - ").Append(PythonText.Fixed(elapsed, 0)).Append('s').Append(ProgbarText.FormatTime(elapsed / step, "step"));
        AppendValues(info, logs);
        string html = ProgressElement(step, steps) + Html.Escape(ProgbarText.Count(step, steps) + info);
        return (html, ProgbarText.Bar(step, steps) + info);
    }

    /// <summary>An HTML bar at <paramref name="step"/> of <paramref name="steps"/>, followed by a space.</summary>
    internal static string ProgressElement(int step, int steps) =>
        Invariant($"<progress max=\"{Math.Max(steps, 1)}\" value=\"{step}\" style=\"width:240px;vertical-align:middle\"></progress> ");

    /// <summary><c> - loss: 0.4321 - accuracy: 0.8765</c>, numbers as Keras's bar writes them.</summary>
    protected static StringBuilder AppendValues(StringBuilder sb, IEnumerable<KeyValuePair<string, double>> logs)
    {
        foreach (var (name, value) in logs) sb.Append(" - ").Append(name).Append(": ").Append(PythonText.ProgbarValue(value));
        return sb;
    }
}
