namespace NotebookNN.Display;

/// <summary>
/// A standalone Evaluate's or Predict's verbose-1 progress in a notebook: one display, redrawn in place with the step
/// bar, ETA and running values as often as the throttle allows, ending as Keras's final bar line
/// (<c>313/313 [==============================] - 1s 2ms/step - loss: 0.3412 - accuracy: 0.8801</c>).
/// </summary>
internal sealed class LiveBar(Func<object, Action<object>> display, int steps, Func<double>? clock) : LiveDisplay(display, clock)
{
    private string _last = "";

    /// <summary>A live bar when the hook is set, else null.</summary>
    public static LiveBar? TryStart(int steps, Func<double>? clock) =>
        DisplayHook.Display is { } d ? new LiveBar(d, steps, clock) : null;

    /// <summary>Redraws after step <paramref name="step"/> (1-based) when the throttle allows.</summary>
    public void Batch(int step, IEnumerable<KeyValuePair<string, double>> logs)
    {
        if (!Due()) return;
        var (label, text) = Running(step, steps, Throttle.Elapsed, logs);
        _last = text;
        Draw(new LiveView(text) { Bar = (step, steps), BarLabel = label });
    }

    /// <summary>Done: Keras's final line <paramref name="text"/> (what verbose 1 prints to redirected output).</summary>
    public void End(string text)
    {
        text = text.Trim('\n', '\r');
        Draw(new LiveView(text) { Bar = (steps, steps), BarLabel = text });
    }

    /// <summary>Stopped by the notebook: the last bar drawn and <paramref name="message"/>.</summary>
    public void Interrupt(string message) => DrawInterrupted(new LiveView(_last), message);
}
