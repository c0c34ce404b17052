using NotebookNN.Tensors;
namespace NotebookNN.Layers;

/// <summary>
/// Average pooling over height and width (keras.layers.AveragePooling2D): each output is the mean of its window, per
/// channel. With <c>padding: "same"</c> a window at the border averages only its cells inside the input, as TensorFlow does.
/// </summary>
public sealed class AveragePooling2D : Pooling2D
{
    /// <param name="poolSize">The window, one size for both axes or (height, width); default 2.</param>
    /// <param name="strides">The step between windows; default the pool size.</param>
    /// <param name="padding"><c>"valid"</c> (default) or <c>"same"</c>.</param>
    /// <param name="dataFormat">Only <c>"channels_last"</c> (the default).</param>
    /// <param name="inputShape">Per-sample input shape (height, width, channels), for the first layer of a Sequential model.</param>
    /// <param name="name">Layer name; default <c>average_pooling2d</c>, ….</param>
    public AveragePooling2D(Size2D? poolSize = null, Size2D? strides = null, string padding = "valid", string? dataFormat = null,
        Shape? inputShape = null, string? name = null)
        : base(poolSize ?? 2, strides, padding, dataFormat, inputShape, name) { }

    private protected override Tensor Pool(Tensor inputs, int poolH, int poolW, int strideH, int strideW, bool same) =>
        Tensor.AveragePool2D(inputs, poolH, poolW, strideH, strideW, same);
}
