namespace NotebookNN.Registries;

/// <summary>
/// The names one kind of Keras string shortcut accepts (activations, losses, optimizers, a callback's <c>mode</c>, …),
/// each mapped to what it makes. One rule resolves a name (surrounding spaces ignored; case ignored unless the registry
/// is made case-sensitive, as layer class names are) and one form says a name is unknown: what was received, then
/// <c>Expected one of: …</c> with every listed name in registration order, then the likely fix (the closest name when
/// one is near, and the kind's own hint). Each kind fills its registry in one place.
/// </summary>
internal sealed class Registry<T>
{
    private readonly Dictionary<string, Func<string, T>> _byName;
    private readonly List<string> _listed = [];
    private readonly Func<string, string?, string> _received;
    private readonly Func<string, string>? _hint;
    private readonly Lock _sync = new();

    private Registry(StringComparer comparer, Func<string, string?, string> received, Func<string, string>? hint)
    {
        _byName = new(comparer);
        _received = received;
        _hint = hint;
    }

    /// <summary>
    /// Identifiers of a kind (<c>"optimizer"</c>): an unknown one reads
    /// <c>Could not interpret optimizer identifier: 'adamax2'. Expected one of: sgd, adam, ….</c>
    /// </summary>
    public static Registry<T> Identifiers(string kind) =>
        new(StringComparer.OrdinalIgnoreCase, (name, _) => $"Could not interpret {kind} identifier: '{name}'.", null);

    /// <summary>
    /// Names matched exactly (class names): <paramref name="unknown"/> says what was received
    /// (<c>Unknown layer: 'X'.</c>), <paramref name="hint"/> how to make the name known.
    /// </summary>
    public static Registry<T> CaseSensitive(Func<string, string> unknown, Func<string, string> hint) =>
        new(StringComparer.Ordinal, (name, _) => unknown(name), hint);

    /// <summary>
    /// The values of a string argument (<c>mode</c>): an unknown one reads
    /// <c>Invalid value for argument `mode`. Received: mode=up. Expected one of: auto, min, max.</c>
    /// <paramref name="received"/> replaces that first sentence where Keras words it otherwise.
    /// </summary>
    public static Registry<T> Argument(string argument, Func<string, string>? received = null) =>
        new(StringComparer.OrdinalIgnoreCase, received is null
            ? (name, owner) => $"Invalid value for argument `{argument}`{(owner is null ? "" : " of " + owner)}. Received: {argument}={name}."
            : (name, _) => received(name), null);

    /// <summary>Registers <paramref name="make"/> under every name; it is handed the name as given. The names are listed in errors.</summary>
    public Registry<T> Add(Func<string, T> make, params string[] names) => Add(make, listed: true, names);

    /// <summary>Registers one value under every name.</summary>
    public Registry<T> Add(T value, params string[] names) => Add(_ => value, listed: true, names);

    /// <summary>Registers names that resolve but are not listed in errors (class-name spellings beside Keras's strings).</summary>
    public Registry<T> AddUnlisted(Func<string, T> make, params string[] names) => Add(make, listed: false, names);

    private Registry<T> Add(Func<string, T> make, bool listed, string[] names)
    {
        lock (_sync)
            foreach (var name in names)
            {
                if (listed && !_byName.ContainsKey(name)) _listed.Add(name);
                _byName[name] = make;
            }
        return this;
    }

    /// <summary>The names listed in errors, in registration order.</summary>
    public IReadOnlyList<string> Names
    {
        get { lock (_sync) return [.. _listed]; }
    }

    /// <summary>Whether <paramref name="name"/> resolves (nothing is made).</summary>
    public bool Contains(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        lock (_sync) return _byName.ContainsKey(name.Trim());
    }

    /// <summary>What <paramref name="name"/> makes, if it is registered.</summary>
    public bool TryResolve(string name, out T value)
    {
        ArgumentNullException.ThrowIfNull(name);
        Func<string, T>? make;
        lock (_sync) _byName.TryGetValue(name.Trim(), out make);
        value = make is null ? default! : make(name.Trim());
        return make is not null;
    }

    /// <summary>What <paramref name="name"/> makes; an unknown name is an <see cref="ArgumentException"/> listing the valid ones.</summary>
    /// <param name="name">The name as the user gave it.</param>
    /// <param name="owner">What the value is for, named in the error of an argument registry (<c>learning_rate</c>).</param>
    public T Resolve(string name, string? owner = null) => TryResolve(name, out var value) ? value : throw Unknown(name, owner);

    /// <summary>The error for a name that is not registered.</summary>
    public ArgumentException Unknown(string name, string? owner = null)
    {
        var names = Names;
        var closest = ClosestName.Among(name.Trim(), names);
        var fix = (closest is null ? "" : $" Did you mean '{closest}'?") + (_hint is null ? "" : " " + _hint(name));
        return new ArgumentException($"{_received(name, owner)} Expected one of: {string.Join(", ", names)}.{fix}");
    }
}
