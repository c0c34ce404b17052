using NotebookNN.Display;

namespace NotebookNN.Models;

/// <summary>Calls every hook on each callback in order (Keras's CallbackList): the one place the loop lives.</summary>
internal sealed class CallbackList(IEnumerable<Callback> callbacks)
{
    private readonly List<Callback> _items = [.. callbacks];

    public IReadOnlyList<Callback> Items => _items;

    /// <summary>
    /// The callbacks of one Fit / Evaluate / Predict call, in Keras 2's order: the user's, then the History, then a
    /// progress bar when verbose (unless the user gave one), so a callback's message prints before the epoch's bar line.
    /// </summary>
    public static CallbackList For(Model model, int verbose, IEnumerable<Callback>? callbacks, int epochs, int steps, History? history = null)
    {
        var all = new List<Callback>(callbacks ?? []);
        if (history is not null) all.Add(history);
        if (verbose > 0 && !all.Any(c => c is ProgbarLogger)) all.Add(new ProgbarLogger());
        var list = new CallbackList(all) { Token = DisplayHook.Cancellation?.Invoke() ?? CancellationToken.None };
        list.Configure(model, new CallbackParams(verbose, epochs, steps));
        return list;
    }

    public void Configure(Model model, CallbackParams parameters)
    {
        foreach (var c in _items) { c.SetModel(model); c.SetParams(parameters); }
    }

    public void Each(Action<Callback> hook)
    {
        foreach (var c in _items) hook(c);
    }

    /// <summary>A batch hook with its arguments passed as state, so a static lambda allocates nothing per step.</summary>
    public void Each<TState>(TState state, Action<Callback, TState> hook)
    {
        for (int i = 0; i < _items.Count; i++) hook(_items[i], state);
    }

    /// <summary>Whether any callback may look at batch hooks or their logs (History only reads epoch ends, a progress
    /// bar whose output is redirected only draws the epoch's last line, a notebook display is asked
    /// <see cref="ProgressDue"/>), so the loop builds batch logs only when someone can see them. Read after the
    /// call's begin hooks.</summary>
    public bool ObservesBatches => _observesBatches ??= _items.Exists(c => c is not History && c is not ProgbarLogger { DrawsBatches: false });

    private bool? _observesBatches;

    /// <summary>Whether a live notebook display would redraw after this step: then the loop builds the step's logs and
    /// calls the batch-end hooks. A clock read per display; allocates nothing.</summary>
    public bool ProgressDue()
    {
        for (int i = 0; i < _items.Count; i++)
            if (_items[i] is ProgbarLogger p && p.BatchDue()) return true;
        return false;
    }

    /// <summary>The running notebook cell's cancellation token (<see cref="DisplayHook.Cancellation"/>), read when the
    /// call started; none outside a notebook. Loops check it between steps.</summary>
    public CancellationToken Token { get; private init; }

    /// <summary>Tells the progress displays that the notebook stopped the call, with the message of the interrupt.</summary>
    public void Interrupted(string message, bool training)
    {
        foreach (var c in _items) (c as ProgbarLogger)?.Interrupted(message, training);
    }

    /// <summary>
    /// Between the steps of an Evaluate or Predict: when the notebook stopped the cell, the display says so and a
    /// <see cref="KeyboardInterruptException"/> is thrown; else nothing (and nothing is allocated).
    /// </summary>
    /// <param name="what">"evaluation" or "prediction".</param>
    /// <param name="step">Steps finished.</param>
    /// <param name="steps">Steps in all.</param>
    public void ThrowIfInterrupted(string what, int step, int steps)
    {
        if (!Token.IsCancellationRequested) return;
        var interrupt = KeyboardInterruptException.Stopped(what, step, steps, Token);
        Interrupted(interrupt.Message, training: false);
        throw interrupt;
    }
}
