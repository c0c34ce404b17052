namespace NotebookNN.Callbacks;

/// <summary>Calls every hook on each callback in order (Keras's CallbackList): the one place the loop lives.</summary>
internal sealed class CallbackList(IEnumerable<Callback> callbacks)
{
    private readonly List<Callback> _items = [.. callbacks];

    public IReadOnlyList<Callback> Items => _items;

    public void Configure(Model model, IReadOnlyDictionary<string, object> parameters)
    {
        foreach (var c in _items) { c.SetModel(model); c.SetParams(parameters); }
    }

    public void Each(Action<Callback> hook)
    {
        foreach (var c in _items) hook(c);
    }
}
