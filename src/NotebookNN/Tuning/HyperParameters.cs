namespace NotebookNN.Tuning;

/// <summary>
/// KerasTuner's <c>HyperParameters</c>: declares the search space from inside the model-building function and
/// returns the value chosen for the current trial: <c>hp.Int("n_hidden", 0, 3)</c>,
/// <c>hp.Float("learning_rate", 3e-4, 3e-2, sampling: "log")</c>, <c>hp.Choice("units", [32, 64])</c>, <c>hp.Boolean("dropout")</c>.
/// Outside a search every call returns its default.
/// </summary>
public sealed partial class HyperParameters
{
    private readonly List<HyperParameter> _space = [];
    private readonly Dictionary<string, object> _values = [];

    /// <summary>Called for a dimension met for the first time without a value (a tuner samples it here).</summary>
    internal Func<HyperParameter, object>? Sampler { get; set; }

    /// <summary>The declared dimensions, in the order they were first met.</summary>
    public IReadOnlyList<HyperParameter> Space => _space;

    /// <summary>The current value of every dimension by name.</summary>
    public IReadOnlyDictionary<string, object> Values => _values;

    /// <summary>An integer dimension; returns its value for this trial.</summary>
    public int Int(string name, int minValue, int maxValue, int step = 1, string sampling = "linear", int? defaultValue = null) =>
        Convert.ToInt32(Register(new IntHyperParameter(name, minValue, maxValue, step, sampling, defaultValue)));

    /// <summary>A float dimension (<paramref name="sampling"/> "linear", "log" or "reverse_log"); returns its value for this trial.</summary>
    public double Float(string name, double minValue, double maxValue, double? step = null, string sampling = "linear", double? defaultValue = null) =>
        Convert.ToDouble(Register(new FloatHyperParameter(name, minValue, maxValue, step, sampling, defaultValue)));

    /// <summary>A choice among <paramref name="values"/>; returns the one for this trial.</summary>
    public T Choice<T>(string name, IReadOnlyList<T> values) where T : notnull =>
        (T)Register(new ChoiceHyperParameter(name, values.Cast<object>().ToArray(), null));

    /// <summary>A choice among <paramref name="values"/> with a default; returns the one for this trial.</summary>
    public T Choice<T>(string name, IReadOnlyList<T> values, T defaultValue) where T : notnull =>
        (T)Register(new ChoiceHyperParameter(name, values.Cast<object>().ToArray(), defaultValue));

    /// <summary>A true/false dimension.</summary>
    public bool Boolean(string name, bool defaultValue = false) =>
        (bool)Register(new ChoiceHyperParameter(name, [false, true], defaultValue));

    /// <summary>A constant recorded with the trial.</summary>
    public T Fixed<T>(string name, T value) where T : notnull => (T)Register(new FixedHyperParameter(name, value));

    /// <summary>The value of a dimension.</summary>
    public T Get<T>(string name) => _values.TryGetValue(name, out var v)
        ? (T)Convert.ChangeType(v, typeof(T), System.Globalization.CultureInfo.InvariantCulture)
        : throw new KeyError(name, _values.Keys);

    /// <summary>The value of a dimension.</summary>
    public object this[string name] => _values.TryGetValue(name, out var v) ? v : throw new KeyError(name, _values.Keys);

    /// <summary>Sets a value before building (used by tuners and the scikit-learn wrappers).</summary>
    public HyperParameters Set(string name, object value)
    {
        _values[name] = value;
        return this;
    }

    /// <summary>A copy with the same space and values.</summary>
    public HyperParameters Copy()
    {
        var copy = new HyperParameters();
        copy._space.AddRange(_space);
        foreach (var (k, v) in _values) copy._values[k] = v;
        return copy;
    }

    /// <summary><c>name: value</c> pairs.</summary>
    public override string ToString() => string.Join(", ", _values.Select(kv => $"{kv.Key}: {HyperParameter.Format(kv.Value)}"));

    internal string Key => string.Join("|", _values.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={HyperParameter.Format(kv.Value)}"));

    private object Register(HyperParameter p)
    {
        int existing = _space.FindIndex(s => s.Name == p.Name);
        if (existing < 0) _space.Add(p);
        if (_values.TryGetValue(p.Name, out var v)) return v;
        return _values[p.Name] = Sampler?.Invoke(p) ?? p.Default;
    }

    private sealed class KeyError(string name, IEnumerable<string> known)
        : KeyNotFoundException($"Unknown hyperparameter '{name}'. Known: {string.Join(", ", known)}.");
}
