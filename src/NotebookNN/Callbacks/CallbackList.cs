namespace NotebookNN.Callbacks;

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
        var list = new CallbackList(all);
        list.Configure(model, new Dictionary<string, object> { ["verbose"] = verbose, ["epochs"] = epochs, ["steps"] = steps });
        return list;
    }

    public void Configure(Model model, IReadOnlyDictionary<string, object> parameters)
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
    /// bar whose output is redirected only draws the epoch's last line), so the loop builds batch logs only when
    /// someone can see them. Read after <see cref="Configure"/>.</summary>
    public bool ObservesBatches => _observesBatches ??= _items.Exists(c => c is not History && c is not ProgbarLogger { DrawsBatches: false });

    private bool? _observesBatches;
}
