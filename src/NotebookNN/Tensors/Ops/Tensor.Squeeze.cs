namespace NotebookNN.Tensors;

public partial class Tensor
{
    /// <summary>
    /// Removes an axis of size 1 (numpy's <c>squeeze</c>); with no axis, removes every axis of size 1.
    /// A view when contiguous.
    /// </summary>
    /// <exception cref="ArgumentException">The chosen axis does not have size 1.</exception>
    public Tensor Squeeze(int? axis = null)
    {
        if (axis is not { } ax) return ReshapeTo(Dims.Where(d => d != 1).ToArray());
        int a = Shape.NormalizeAxis(ax, Dims.Length);
        if (Dims[a] != 1)
            throw new ArgumentException($"cannot select an axis to squeeze out which has size not equal to one. Received: axis={ax} for shape {Shape}");
        Span<int> dims = stackalloc int[Dims.Length - 1];
        Dims.AsSpan(0, a).CopyTo(dims);
        Dims.AsSpan(a + 1).CopyTo(dims[a..]);
        return ReshapeTo(dims);
    }

    /// <summary>
    /// Inserts an axis of size 1 at <paramref name="axis"/> (numpy's <c>expand_dims</c>); -1 appends one at the end.
    /// A view when contiguous.
    /// </summary>
    public Tensor ExpandDims(int axis)
    {
        int a = Shape.NormalizeAxis(axis, Dims.Length + 1);
        Span<int> dims = stackalloc int[Dims.Length + 1];
        Dims.AsSpan(0, a).CopyTo(dims);
        dims[a] = 1;
        Dims.AsSpan(a).CopyTo(dims[(a + 1)..]);
        return ReshapeTo(dims);
    }
}
