using NotebookNN.Registries;
using NotebookNN.Tensors;

namespace NotebookNN.Layers;

/// <summary>Checks of the window arguments Keras's pooling (and convolution) layers share, with Keras's messages.</summary>
internal static class PoolingArguments
{
    /// <summary>Keras's <c>standardize_tuple</c>: every entry must be a positive integer.</summary>
    public static Size2D Positive(Size2D value, string name)
    {
        if (value.Height > 0 && value.Width > 0) return value;
        var bad = value.Height == value.Width || value.Width > 0 ? $"{{{value.Height}}}"
            : value.Height > 0 ? $"{{{value.Width}}}" : $"{{{value.Height}, {value.Width}}}";
        throw new ArgumentException($"The `{name}` argument must be a tuple of 2 integers. Received {name}={value}, including values {bad} that do not satisfy `value > 0`");
    }

    /// <summary>Keras's <c>standardize_padding</c> for Conv2D and the pooling layers: "valid" or "same" (case ignored)
    /// as the <see cref="Layers.Padding"/> enum, or Keras's own error for anything else, with the likely fix when a name
    /// is near (<c>Did you mean 'valid'?</c>).</summary>
    public static Padding Padding(string padding) => KerasEnum.Parse<Padding>(padding, "padding",
        (received, _) => $"The `padding` argument must be a list/tuple or one of {{'valid', 'same'}}. Received: {received.ToLowerInvariant()}" +
            (ClosestName.Among(received.Trim(), ["valid", "same"]) is { } near ? $". Did you mean '{near}'?" : ""));

    /// <summary>Keras's data_format: only "channels_last" (height, width, channels) is supported.</summary>
    public static string DataFormat(string? dataFormat)
    {
        var format = dataFormat?.ToLowerInvariant() ?? "channels_last";
        if (format == "channels_last") return format;
        if (format == "channels_first")
            throw new NotSupportedException("data_format=\"channels_first\" is not supported: NotebookNN's image layers are channels-last (batch, height, width, channels), Keras's default. Transpose the input to channels-last instead.");
        throw new ArgumentException($"The `data_format` argument must be one of {{'channels_first', 'channels_last'}}. Received: data_format={dataFormat}");
    }

    /// <summary>The message for an input of the wrong rank (Keras's InputSpec).</summary>
    public static ArgumentException WrongRank(Layer layer, Shape sample, int expectedRank) => new(
        $"Input 0 of layer \"{layer.Name}\" is incompatible with the layer: expected ndim={expectedRank}, found ndim={sample.Rank + 1}. Full shape received: {KerasTensor.FormatWithBatch(sample)}");
}
