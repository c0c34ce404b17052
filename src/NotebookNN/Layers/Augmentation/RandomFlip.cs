using NotebookNN.Tensors;

namespace NotebookNN.Layers;

/// <summary>
/// Flips images at random while training (keras.layers.RandomFlip): each image of a channels-last batch is flipped
/// with probability ½ — left-right (<c>"horizontal"</c>), upside down (<c>"vertical"</c>), or, with
/// <c>"horizontal_and_vertical"</c> (the default), both ways on the same draw, as Keras 3 does; identity in inference.
/// </summary>
public sealed class RandomFlip : ImageAugmentation
{
    private readonly bool _horizontal, _vertical;

    /// <param name="mode"><c>"horizontal"</c>, <c>"vertical"</c> or <c>"horizontal_and_vertical"</c> (default).</param>
    /// <param name="seed">Seed of the layer's random stream; default drawn from the global generator.</param>
    /// <param name="inputShape">Per-sample input shape (height, width, channels).</param>
    /// <param name="name">Layer name; default <c>random_flip</c>, ….</param>
    public RandomFlip(string mode = "horizontal_and_vertical", int? seed = null, Shape? inputShape = null, string? name = null)
        : base(seed, inputShape, name)
    {
        (_horizontal, _vertical) = mode switch
        {
            "horizontal" => (true, false),
            "vertical" => (false, true),
            "horizontal_and_vertical" => (true, true),
            _ => throw new ArgumentException($"RandomFlip layer {Name} received an unknown mode argument {mode}"),
        };
        Mode = mode;
    }

    public string Mode { get; }

    private protected override void Augment(Tensor x, Tensor y)
    {
        int batch = x.Dims[0], height = x.Dims[1], width = x.Dims[2], channels = x.Dims[3], image = height * width * channels;
        for (int b = 0; b < batch; b++)
        {
            bool flip = Draws.NextDouble() <= 0.5;
            Span<float> src = x.Span.Slice(b * image, image), dst = y.Span.Slice(b * image, image);
            if (!flip) { src.CopyTo(dst); continue; }
            for (int row = 0; row < height; row++)
            {
                int from = _vertical ? height - 1 - row : row;
                for (int col = 0; col < width; col++)
                {
                    int fromCol = _horizontal ? width - 1 - col : col;
                    src.Slice((from * width + fromCol) * channels, channels).CopyTo(dst.Slice((row * width + col) * channels, channels));
                }
            }
        }
    }

    public override Dictionary<string, object?> GetConfig()
    {
        var c = base.GetConfig();
        c["mode"] = Mode;
        return c;
    }
}
