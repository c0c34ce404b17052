
namespace NotebookNN.Tensors;

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
        Span<int> dims = stackalloc int[rank];
        xs[0].Dims.CopyTo(dims);
        dims[a] = 0;
        foreach (var x in xs)
        {
            bool ok = x.Dims.Length == rank;
            for (int i = 0; ok && i < rank; i++) ok = i == a || x.Dims[i] == dims[i];
            if (!ok)
                throw new ArgumentException($"Concatenate requires inputs with matching shapes except for the concatenation axis {axis}. Received: shapes={ShapeList(xs)}");
            dims[a] += x.Dims[a];
        }
        var y = NewUninitialized(dims);
        for (int i = 0, start = 0; i < xs.Length; start += xs[i].Dims[a], i++)
            CopyElements(xs[i], y.AxisView(a, start, xs[i].Dims[a]));
        if (GradientTape.Recording(xs) is { } tape)
        {
            // two or three inputs (Wide & Deep's concatenations) record a pooled op; more, a closure
            ConcatenateBackward? op = xs.Length switch
            {
                2 => tape.Push<ConcatenateBackward>(y, xs[0], xs[1]),
                3 => tape.Push<ConcatenateBackward>(y, xs[0], xs[1], xs[2]),
                _ => null,
            };
            if (op is not null) op.Axis = a;
            else RecordSplit(y, xs, a);
        }
        return y;
    }

    /// <summary>Records a closure for four or more inputs (in its own method: a lambda capturing the caller's locals
    /// would allocate their closure object on every call, recorded or not).</summary>
    private static void RecordSplit(Tensor y, Tensor[] xs, int axis)
    {
        var inputs = (Tensor[])xs.Clone(); // the caller may reuse its array (a functional graph does)
        GradientTape.Record(y, inputs, (g, needed) =>
        {
            var grads = new Tensor?[inputs.Length];
            ConcatenateBackward.Split(g, axis, inputs, needed, grads);
            return grads;
        });
    }

    /// <summary>Each input's gradient is its slice of the output's gradient along the axis.</summary>
    private sealed class ConcatenateBackward : TapeOp
    {
        internal int Axis;

        internal override void Backward(Tensor g, bool[] needed, Tensor?[] grads) => Split(g, Axis, Inputs, needed, grads);

        internal static void Split(Tensor g, int axis, Tensor[] inputs, bool[] needed, Tensor?[] grads)
        {
            for (int i = 0, start = 0; i < inputs.Length; start += inputs[i].Dims[axis], i++)
                if (needed[i]) grads[i] = g.AxisView(axis, start, inputs[i].Dims[axis]).Contiguous();
        }
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
