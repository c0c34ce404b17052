using NotebookNN.Kernels.Drivers;

namespace NotebookNN;

public partial class Tensor
{
    /// <summary>
    /// Joins tensors along an existing axis. Every other dimension must match.
    /// The default axis is -1 (the last), as in Keras's <c>Concatenate</c> layer and <c>keras.ops.concatenate</c>;
    /// note that numpy's <c>np.concatenate</c> defaults to axis 0, so pass <c>axis: 0</c> to stack rows.
    /// </summary>
    /// <exception cref="ArgumentException">No tensors, 0-D tensors, or shapes that differ off the axis (all shapes are named).</exception>
    public static Tensor Concatenate(Tensor[] xs, int axis = -1)
    {
        ArgumentNullException.ThrowIfNull(xs);
        if (xs.Length == 0) throw new ArgumentException("Concatenate expects at least one tensor. Received: an empty list");
        int rank = xs[0].Dims.Length;
        if (rank == 0) throw new ArgumentException("zero-dimensional tensors cannot be concatenated. Received: shape=()");
        int a = Shape.NormalizeAxis(axis, rank);
        var dims = (int[])xs[0].Dims.Clone();
        dims[a] = 0;
        foreach (var x in xs)
        {
            if (x.Dims.Length != rank || Enumerable.Range(0, rank).Any(i => i != a && x.Dims[i] != dims[i]))
                throw new ArgumentException($"Concatenate requires inputs with matching shapes except for the concatenation axis {axis}. Received: shapes={ShapeList(xs)}");
            dims[a] += x.Dims[a];
        }
        var y = NewUninitialized(dims);
        var starts = new int[xs.Length];
        for (int i = 0, start = 0; i < xs.Length; start += xs[i].Dims[a], i++)
        {
            starts[i] = start;
            StridedCopy.Run(xs[i], y.AxisView(a, start, xs[i].Dims[a]));
        }
        GradientTape.Record(y, xs, (g, needed) =>
        {
            var grads = new Tensor?[xs.Length];
            for (int i = 0; i < xs.Length; i++)
                if (needed[i]) grads[i] = g.AxisView(a, starts[i], xs[i].Dims[a]).Contiguous();
            return grads;
        });
        return y;
    }

    /// <summary>
    /// Joins tensors of the same shape along a new axis (numpy's <c>np.stack</c>, default axis 0):
    /// stacking n tensors of shape (2, 3) gives (n, 2, 3).
    /// </summary>
    /// <exception cref="ArgumentException">No tensors, or tensors of different shapes.</exception>
    public static Tensor Stack(Tensor[] xs, int axis = 0)
    {
        ArgumentNullException.ThrowIfNull(xs);
        if (xs.Length == 0) throw new ArgumentException("Stack expects at least one tensor. Received: an empty list");
        if (xs.Any(x => x.Shape != xs[0].Shape))
            throw new ArgumentException($"Stack expects tensors of the same shape. Received: shapes={ShapeList(xs)}");
        int a = Shape.NormalizeAxis(axis, xs[0].Dims.Length + 1);
        return Concatenate(xs.Select(x => x.ExpandDims(a)).ToArray(), a);
    }

    private static string ShapeList(Tensor[] xs) => "[" + string.Join(", ", xs.Select(x => x.Shape.ToString())) + "]";
}
