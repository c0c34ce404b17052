namespace NotebookNN.Layers;

/// <summary>The <c>padding</c> argument of convolution and pooling layers, read as Keras reads it.</summary>
internal static class ConvPadding
{
    /// <summary><c>"valid"</c> or <c>"same"</c>, in any case, lower-cased; anything else gets Keras's message.</summary>
    public static string Standardize(string? padding)
    {
        string lower = padding?.ToLowerInvariant() ?? "";
        if (lower is "valid" or "same") return lower;
        throw new ArgumentException($"The `padding` argument must be one of {{'valid', 'same'}}. Received: padding={(padding is null ? "None" : $"'{padding}'")}");
    }
}
