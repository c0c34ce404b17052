using System.Collections;
using NotebookNN.Text;

namespace NotebookNN.Models;

/// <summary>
/// The loss and each metric of <c>Model.Evaluate</c>, by name in Keras's order (loss first).
/// Deconstructs positionally: <c>var (loss, accuracy) = model.Evaluate(x, y);</c>. As a notebook cell's value: a
/// one-row table of the values by name, and as plain text the list Keras's <c>evaluate</c> returns,
/// <c>[0.3501207232475281, 0.8723000288009644]</c> (<see cref="ToKerasList"/>).
/// Without metrics Keras's <c>evaluate</c> returns the loss as one number: so does this, converting to
/// <c>double</c> (<c>double mseTest = model.Evaluate(xTest, yTest);</c>) and printing as Python prints that float.
/// </summary>
public sealed partial class EvaluationResult : IReadOnlyDictionary<string, double>
{
    private readonly List<KeyValuePair<string, double>> _items;

    internal EvaluationResult(IEnumerable<KeyValuePair<string, double>> items) => _items = [.. items];

    public double this[string key] => TryGetValue(key, out var v) ? v : throw new KeyNotFoundException($"No value named '{key}'. Available: {string.Join(", ", Keys)}.");
    public IEnumerable<string> Keys => _items.Select(kv => kv.Key);
    public IEnumerable<double> Values => _items.Select(kv => kv.Value);
    public int Count => _items.Count;

    /// <summary>The loss.</summary>
    public double Loss => _items[0].Value;

    public bool ContainsKey(string key) => _items.Any(kv => kv.Key == key);

    public bool TryGetValue(string key, out double value)
    {
        foreach (var kv in _items) if (kv.Key == key) { value = kv.Value; return true; }
        value = 0;
        return false;
    }

    public void Deconstruct(out double loss, out double metric) { loss = At(0); metric = At(1); }
    public void Deconstruct(out double loss, out double metric1, out double metric2) { loss = At(0); metric1 = At(1); metric2 = At(2); }
    public void Deconstruct(out double loss, out double metric1, out double metric2, out double metric3) { loss = At(0); metric1 = At(1); metric2 = At(2); metric3 = At(3); }

    private double At(int i) => i < _items.Count ? _items[i].Value
        : throw new InvalidOperationException($"Cannot deconstruct {_items.Count} values ({string.Join(", ", Keys)}) into {i + 1} or more variables.");

    public IEnumerator<KeyValuePair<string, double>> GetEnumerator() => _items.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// The one value of a result without metrics (Keras's <c>evaluate</c> returns the loss itself then):
    /// <c>double mseTest = model.Evaluate(xTest, yTest);</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The result holds several values (the model has metrics).</exception>
    public static implicit operator double(EvaluationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result._items.Count == 1) return result._items[0].Value;
        throw new InvalidOperationException($"This result holds {result._items.Count} values ({string.Join(", ", result.Keys)}), not one number: "
            + "with metrics, Keras's evaluate returns a list. Take one by name (result[\"loss\"], result.Loss) or deconstruct all of them: "
            + $"var ({string.Join(", ", result.Keys.Select(VariableName))}) = model.Evaluate(x, y);");
    }

    // a C# variable name for a value's name: val_loss → valLoss
    private static string VariableName(string key)
    {
        var parts = key.Split('_', StringSplitOptions.RemoveEmptyEntries);
        return string.Concat(parts.Select((p, i) => i == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
    }

    /// <summary>The values as Python prints what Keras's <c>evaluate</c> returns: the list (loss first, each metric
    /// after), or the loss alone as a float when there are no metrics.</summary>
    public string ToKerasList() => _items.Count == 1 ? PythonText.Float(_items[0].Value)
        : "[" + string.Join(", ", _items.Select(kv => PythonText.Float(kv.Value))) + "]";

    /// <summary>Each value by name as the progress bar writes them (<c>loss: 0.3501 - accuracy: 0.8723</c>); the loss
    /// alone, as Python prints the float Keras returns, when there are no metrics.</summary>
    public override string ToString() => _items.Count == 1 ? ToKerasList() :
        string.Join(" - ", _items.Select(kv => $"{kv.Key}: {PythonText.ProgbarValue(kv.Value)}"));
}
