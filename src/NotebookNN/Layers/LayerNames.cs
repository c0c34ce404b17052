namespace NotebookNN.Layers;

/// <summary>
/// Gives layers Keras's automatic names: the snake_case type name, then <c>_1</c>, <c>_2</c>, … for later
/// instances of the same prefix in this process, until <see cref="Keras.ClearSession"/>.
/// </summary>
internal static class LayerNames
{
    private static readonly Dictionary<string, int> Counts = [];

    public static string Unique(string prefix, bool oneBased = false)
    {
        lock (Counts)
        {
            int n = Counts.GetValueOrDefault(prefix);
            Counts[prefix] = n + 1;
            if (oneBased) return $"{prefix}_{n + 1}";
            return n == 0 ? prefix : $"{prefix}_{n}";
        }
    }

    public static void Reset()
    {
        lock (Counts) Counts.Clear();
    }

    /// <summary><c>Dense</c> → <c>dense</c>, <c>InputLayer</c> → <c>input_layer</c>, <c>SGD</c> → <c>sgd</c>, <c>Conv2D</c> → <c>conv2d</c>.</summary>
    public static string SnakeCase(string typeName) => Registries.SnakeCase.Of(typeName);
}
