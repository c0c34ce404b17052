using NotebookNN.Compute.Drivers;

namespace NotebookNN.Tensors;

public partial class Tensor
{
    /// <summary>
    /// Picks positions along <paramref name="axis"/> (numpy's <c>take</c>, Keras's <c>ops.take</c>):
    /// <c>x.Gather(perm[..32])</c> is a shuffled mini-batch of rows. Indices may repeat; negative ones count
    /// from the end. The result is a copy of shape dims[..axis] + (indices.Length,) + dims[axis+1..].
    /// </summary>
    /// <exception cref="IndexOutOfRangeException">An index is outside the axis ("index 10 is out of bounds for axis 0 with size 5").</exception>
    public Tensor Gather(int[] indices, int axis = 0)
    {
        ArgumentNullException.ThrowIfNull(indices);
        return GatherCore(indices, [indices.Length], axis);
    }

    /// <summary>
    /// <see cref="Gather(int[], int)"/> with the indices in a tensor of integer values; the indices' shape
    /// replaces the gathered axis (an index tensor of shape (4, 2) on axis 0 of (10, 3) gives (4, 2, 3)).
    /// </summary>
    /// <exception cref="ArgumentException">An index value is not a whole number.</exception>
    public Tensor Gather(Tensor indices, int axis = 0)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var values = indices.ToArray();
        var ints = new int[values.Length];
        for (int i = 0; i < ints.Length; i++)
        {
            if (values[i] != MathF.Round(values[i]) || Math.Abs(values[i]) > int.MaxValue / 2)
                throw new ArgumentException(Invariant($"Gather expects integer index values. Received: {values[i]} at position {i} of indices with shape {indices.Shape}"));
            ints[i] = (int)values[i];
        }
        return GatherCore(ints, (int[])indices.Dims.Clone(), axis);
    }

    private Tensor GatherCore(int[] indices, int[] indexDims, int axis)
    {
        if (Dims.Length == 0) throw new ArgumentException("Gather expects a tensor with at least one axis. Received: shape=()");
        int a = Shape.NormalizeAxis(axis, Dims.Length);
        int size = Dims[a];
        var idx = new int[indices.Length];
        for (int i = 0; i < idx.Length; i++)
            idx[i] = ((TensorIndex)indices[i]).Resolve(a, size);
        int outer = 1, inner = 1;
        for (int i = 0; i < a; i++) outer *= Dims[i];
        for (int i = a + 1; i < Dims.Length; i++) inner *= Dims[i];
        int[] dims = [.. Dims[..a], .. indexDims, .. Dims[(a + 1)..]];
        var y = NewUninitialized(dims);
        RowGather.Gather(Contiguous().Span, y.Span, idx, outer, size, inner);
        GradientTape.Record(y, this, g =>
        {
            var dx = NewZeros(Dims);
            RowGather.ScatterAdd(g.Contiguous().Span, dx.Span, idx, outer, size, inner);
            return dx;
        });
        return y;
    }
}
