using NotebookNN.Tensors;
namespace NotebookNN.Layers;

/// <summary>
/// Max pooling over height and width (keras.layers.MaxPooling2D): each output is the largest value of its window, per
/// channel. <c>new MaxPooling2D(2)</c> halves a (batch, 28, 28, 32) input to (batch, 14, 14, 32). The gradient goes to
/// the window's first maximal cell.
/// </summary>
public sealed class MaxPooling2D : Pooling2D
{
    /// <param name="poolSize">The window, one size for both axes or (height, width); default 2.</param>
    /// <param name="strides">The step between windows; default the pool size.</param>
    /// <param name="padding"><c>"valid"</c> (default) or <c>"same"</c>.</param>
    /// <param name="dataFormat">Only <c>"channels_last"</c> (the default).</param>
    /// <param name="inputShape">Per-sample input shape (height, width, channels), for the first layer of a Sequential model.</param>
    /// <param name="name">Layer name; default <c>max_pooling2d</c>, <c>max_pooling2d_1</c>, ….</param>
    public MaxPooling2D(Size2D? poolSize = null, Size2D? strides = null, string padding = "valid", string? dataFormat = null,
        Shape? inputShape = null, string? name = null)
        : base(poolSize ?? 2, strides, padding, dataFormat, inputShape, name) { }

    private protected override Tensor Pool(Tensor inputs, int poolH, int poolW, int strideH, int strideW, bool same) =>
        Tensor.MaxPool2D(inputs, poolH, poolW, strideH, strideW, same);
}
