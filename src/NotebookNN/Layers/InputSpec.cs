using NotebookNN.Tensors;

namespace NotebookNN.Layers;

/// <summary>
/// What a layer accepts (Keras's <c>InputSpec</c>): a minimum rank and fixed sizes for some axes of the
/// batched input. Checked before every call so a wrong input fails with Keras's message, not inside a kernel.
/// </summary>
public sealed class InputSpec
{
    /// <summary>The input must have at least this many dimensions, batch axis included.</summary>
    public int? MinNDim { get; init; }

    /// <summary>Axis (negative from the end) → required size.</summary>
    public IReadOnlyDictionary<int, int> Axes { get; init; } = new Dictionary<int, int>();

    /// <param name="layer">The layer checked, for the message.</param>
    /// <param name="inputShape">The batched input shape.</param>
    /// <param name="shown">How to print the shape in a message (symbolic calls show the batch axis as None).</param>
    internal void Check(Layers.Layer layer, Shape inputShape, string? shown = null)
    {
        if (MinNDim is int min && inputShape.Rank < min)
            throw new ArgumentException(Prefix(layer) + $"expected min_ndim={min}, found ndim={inputShape.Rank}. Full shape received: {shown ?? inputShape.ToString()}");
        if (Axes is Dictionary<int, int> axes) // the usual case, enumerated without boxing: this runs every step
        {
            foreach (var (axis, size) in axes) CheckAxis(layer, inputShape, axis, size, shown);
        }
        else
        {
            foreach (var (axis, size) in Axes) CheckAxis(layer, inputShape, axis, size, shown);
        }
    }

    private static void CheckAxis(Layers.Layer layer, Shape inputShape, int axis, int size, string? shown)
    {
        int a = axis < 0 ? axis + inputShape.Rank : axis;
        if (a < 0 || a >= inputShape.Rank || inputShape[a] != size)
            throw new ArgumentException(Prefix(layer) + $"expected axis {axis} of input shape to have value {size}, but received input with shape {shown ?? inputShape.ToString()}");
    }

    private static string Prefix(Layers.Layer layer) => $"Input 0 of layer \"{layer.Name}\" is incompatible with the layer: ";
}
