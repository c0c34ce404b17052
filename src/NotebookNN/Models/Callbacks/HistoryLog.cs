namespace NotebookNN.Models;

/// <summary>
/// <c>history.History</c>: per-epoch lists by log key, a dictionary whose indexer names the keys there are when asked
/// for one that is not (the classic <c>history.history['acc']</c> of older tutorials, after compiling with
/// <c>metrics: ["accuracy"]</c>).
/// </summary>
public sealed class HistoryLog : Dictionary<string, List<double>>
{
    /// <summary>The values logged under <paramref name="key"/>, one per epoch.</summary>
    public new List<double> this[string key]
    {
        get => TryGetValue(key, out var values) ? values : throw new KeyNotFoundException(Missing(key));
        set => base[key] = value;
    }

    private string Missing(string key)
    {
        var message = $"No history named '{key}'. Available: {(Count == 0 ? "none (no epoch has ended)" : string.Join(", ", Keys))}.";
        // Keras logs a metric under the name it was given: "acc" and "accuracy" are two different keys
        string? other = key.EndsWith("accuracy", StringComparison.Ordinal) ? key[..^"accuracy".Length] + "acc"
            : key.EndsWith("acc", StringComparison.Ordinal) ? key + "uracy" : null;
        return other is not null && ContainsKey(other)
            ? message + $" Metrics are logged under the name given to Compile: this model has '{other}'."
            : message;
    }
}
