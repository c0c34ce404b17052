namespace NotebookNN.Metrics;

/// <summary>The one rule deciding from a logged quantity's name whether higher is better (callbacks' <c>mode="auto"</c>, a tuner's objective).</summary>
internal static class MetricDirections
{
    /// <summary>
    /// The direction a name implies, <c>val_</c> prefix aside: a loss (<c>loss</c>, a name the loss registry knows such as
    /// <c>mse</c> or <c>binary_crossentropy</c>, or any name holding <c>loss</c> or <c>error</c>) is minimized; a name
    /// holding <c>acc</c> (<c>accuracy</c>, <c>val_acc</c>) or ending in <c>auc</c>, <c>precision</c> or <c>recall</c>
    /// is maximized (Keras 2's callbacks look for <c>acc</c> and <c>auc</c>, Keras 3's metrics carry these directions,
    /// KerasTuner's well-known metrics agree); null when the name says nothing.
    /// </summary>
    public static MetricDirection? Infer(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var n = name.StartsWith("val_", StringComparison.Ordinal) ? name[4..] : name;
        if (n.Contains("loss", StringComparison.Ordinal) || n.Contains("error", StringComparison.Ordinal) || Losses.LossRegistry.Contains(n))
            return MetricDirection.Min;
        if (n.Contains("acc", StringComparison.Ordinal) || n.EndsWith("auc", StringComparison.Ordinal)
            || n.EndsWith("precision", StringComparison.Ordinal) || n.EndsWith("recall", StringComparison.Ordinal))
            return MetricDirection.Max;
        return null;
    }
}
