
namespace NotebookNN.Tensors;

public partial class Tensor
{
    /// <summary>
    /// The same values with new dimensions, in row-major order (numpy's <c>reshape</c>). One dimension may be
    /// -1 and is inferred: <c>images.Reshape(-1, 28 * 28)</c>. A view when this tensor is contiguous, otherwise a copy.
    /// </summary>
    /// <exception cref="ArgumentException">The sizes don't match ("cannot reshape tensor of size 6 into shape (4, 2)"),
    /// more than one -1, or a negative dimension other than -1.</exception>
    public Tensor Reshape(params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var dims = (int[])shape.Clone();
        int unknown = -1;
        long known = 1;
        for (int i = 0; i < dims.Length; i++)
        {
            if (dims[i] == -1)
            {
                if (unknown >= 0) throw new ArgumentException($"can only specify one unknown dimension (-1). Received: shape={Shape.Format(shape)}");
                unknown = i;
            }
            else if (dims[i] < 0) throw new ArgumentException($"Received an invalid shape, expected non-negative dimensions or one -1. Received: shape={Shape.Format(shape)}");
            else known = Math.Min(known * dims[i], Array.MaxLength + 1L); // saturates instead of wrapping (to 0 for 65536^4)
        }
        int size = Size;
        if (known > Array.MaxLength && !shape.Contains(0))
            throw new ArgumentException($"cannot reshape tensor of size {size} into shape {Shape.Format(shape)}: that shape has more elements than a tensor can hold ({Array.MaxLength}).");
        if (unknown >= 0 && known != 0 && size % known == 0) dims[unknown] = (int)(size / known);
        else if (unknown >= 0 || known != size)
            throw new ArgumentException($"cannot reshape tensor of size {size} into shape {Shape.Format(shape)}");
        return ReshapeTo(dims);
    }

    /// <summary>Reshape to dims already known to hold <see cref="Size"/> elements; records the backward (reshape back).</summary>
    internal Tensor ReshapeTo(ReadOnlySpan<int> dims)
    {
        var source = Contiguous();
        var y = View(source.Data, source.Offset, dims);
        if (GradientTape.Recording(this) is { } tape) tape.Push<ReshapeBackward>(y, this);
        return y;
    }

    /// <summary>Backward of a reshape: the gradient reshaped back to the input's dims.</summary>
    private sealed class ReshapeBackward : TapeOp
    {
        internal override void Backward(Tensor g, bool[] needed, Tensor?[] grads) => grads[0] = g.ReshapeTo(Inputs[0].Dims);
    }

    /// <summary>All values as a 1-D tensor (a view when contiguous; numpy's <c>flatten</c> always copies).</summary>
    public Tensor Flatten() => ReshapeTo([Size]);
}
