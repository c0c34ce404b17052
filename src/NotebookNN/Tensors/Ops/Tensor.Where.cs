using NotebookNN.Compute.Drivers;

namespace NotebookNN.Tensors;

public partial class Tensor
{
    /// <summary>
    /// Picks <paramref name="x"/> where <paramref name="condition"/> is non-zero and <paramref name="y"/> elsewhere
    /// (numpy's <c>where</c>); the three broadcast together. Gradients flow to the chosen branch only.
    /// <code>var bin = Tensor.Where(pred >= 0.5, 1, 0);</code>
    /// </summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static Tensor Where(Tensor condition, Tensor x, Tensor y)
    {
        var dims = Broadcast.ResultDims(condition.Dims, Broadcast.ResultDims(x.Dims, y.Dims));
        var c = Broadcast.To(condition, dims);
        var result = NewUninitialized(dims);
        BinaryDriver.Select(c.Span, Broadcast.To(x, dims).Span, Broadcast.To(y, dims).Span, result.Span);
        GradientTape.Record(result, x, y,
            g => Broadcast.SumTo(Where(c, g, Scalar(0f)), x.Shape),
            g => Broadcast.SumTo(Where(c, Scalar(0f), g), y.Shape));
        return result;
    }

    /// <summary><see cref="Where(Tensor, Tensor, Tensor)"/> with a constant for the false branch.</summary>
    public static Tensor Where(Tensor condition, Tensor x, double y) => Where(condition, x, Scalar(y));

    /// <summary><see cref="Where(Tensor, Tensor, Tensor)"/> with a constant for the true branch.</summary>
    public static Tensor Where(Tensor condition, double x, Tensor y) => Where(condition, Scalar(x), y);

    /// <summary><see cref="Where(Tensor, Tensor, Tensor)"/> with constants: <c>Tensor.Where(pred >= 0.5, 1, 0)</c>.</summary>
    public static Tensor Where(Tensor condition, double x, double y) => Where(condition, Scalar(x), Scalar(y));
}
