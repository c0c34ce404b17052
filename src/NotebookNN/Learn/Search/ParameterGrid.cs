using System.Collections;
using NotebookNN.Tensors;
using NotebookNN.Text;

namespace NotebookNN.Learn;

/// <summary>
/// scikit-learn's <c>ParameterGrid</c>: every combination of the listed values, keys in sorted order with the last
/// key varying fastest, indexable without enumerating (as <c>ParameterSampler</c> uses it).
/// </summary>
internal sealed class ParameterGrid
{
    private readonly (string Key, object?[] Values)[] _axes;

    public ParameterGrid(IReadOnlyDictionary<string, object> grid)
    {
        _axes = grid.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (kv.Key, ListValues(kv.Key, kv.Value)
            ?? throw new ArgumentException($"Parameter grid for parameter '{kv.Key}' needs to be a list or a numpy array, but got {PythonText.Repr(kv.Value)} (of type {kv.Value?.GetType().Name ?? "null"}) instead. Single values need to be wrapped in a list with one element."))).ToArray();
        foreach (var (key, values) in _axes)
            if (values.Length == 0) throw new ArgumentException($"Parameter grid for parameter '{key}' need to be a non-empty sequence, got: [].");
    }

    public int Count => _axes.Aggregate(1, (n, a) => checked(n * a.Values.Length));

    /// <summary>The <paramref name="index"/>-th setting in iteration order.</summary>
    public SearchParams this[int index]
    {
        get
        {
            var values = new Dictionary<string, object?>();
            for (int a = _axes.Length - 1; a >= 0; a--)
            {
                var (key, list) = _axes[a];
                values[key] = list[index % list.Length];
                index /= list.Length;
            }
            return new SearchParams(values);
        }
    }

    /// <summary>The values of a list-like parameter (any sequence but a string), or null for anything else.</summary>
    internal static object?[]? ListValues(string key, object? value) => value switch
    {
        string or IDistribution or null => null,
        Tensor t => t.ToArray().Select(v => (object?)(v == MathF.Floor(v) && Math.Abs(v) < 1 << 24 ? (int)v : (double)v)).ToArray(),
        IEnumerable e => e.Cast<object?>().ToArray(),
        _ => null,
    };
}
