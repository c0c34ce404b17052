using NotebookNN.Tensors;
namespace NotebookNN.Layers;

/// <summary>The largest value of each channel over height and width (keras.layers.GlobalMaxPooling2D):
/// (batch, height, width, channels) → (batch, channels); the gradient goes to the first maximal cell.</summary>
public sealed class GlobalMaxPooling2D : GlobalPooling2D
{
    /// <param name="dataFormat">Only <c>"channels_last"</c> (the default).</param>
    /// <param name="keepdims">Keep height and width as axes of length 1: (batch, 1, 1, channels).</param>
    /// <param name="inputShape">Per-sample input shape (height, width, channels), for the first layer of a Sequential model.</param>
    /// <param name="name">Layer name; default <c>global_max_pooling2d</c>, ….</param>
    public GlobalMaxPooling2D(string? dataFormat = null, bool keepdims = false, Shape? inputShape = null, string? name = null)
        : base(dataFormat, keepdims, inputShape, name) { }

    private protected override Tensor Pool(Tensor cells) => cells.Max(axis: 1);
}
