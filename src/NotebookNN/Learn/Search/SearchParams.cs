using System.Collections;
using NotebookNN.Text;

namespace NotebookNN.Learn;

/// <summary>
/// One parameter setting of a search (<c>best_params_</c>, an entry of <c>cv_results_["params"]</c>): read as a dict
/// (<c>search.BestParams["n_hidden"]</c>), printed as Python prints the dict, shown in a notebook as a table of values.
/// </summary>
public sealed partial class SearchParams : IReadOnlyDictionary<string, object?>
{
    private readonly SortedDictionary<string, object?> _values;

    internal SearchParams(IEnumerable<KeyValuePair<string, object?>> values) => _values = new(values.ToDictionary(), StringComparer.Ordinal);

    /// <summary>The value of a parameter; an unknown name lists the ones there are.</summary>
    public object? this[string key] => _values.TryGetValue(key, out var v) ? v
        : throw new KeyNotFoundException($"KeyError: '{key}'. The parameters are {string.Join(", ", _values.Keys.Select(k => $"'{k}'"))}.");

    /// <inheritdoc/>
    public IEnumerable<string> Keys => _values.Keys;
    /// <inheritdoc/>
    public IEnumerable<object?> Values => _values.Values;
    /// <inheritdoc/>
    public int Count => _values.Count;
    /// <inheritdoc/>
    public bool ContainsKey(string key) => _values.ContainsKey(key);
    /// <inheritdoc/>
    public bool TryGetValue(string key, out object? value) => _values.TryGetValue(key, out value);
    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _values.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Python's dict repr, keys sorted: <c>{'learning_rate': 0.0059, 'n_hidden': 2}</c>.</summary>
    public override string ToString() => "{" + string.Join(", ", _values.Select(kv => $"'{kv.Key}': {PythonText.Repr(kv.Value)}")) + "}";
}
