using NotebookNN.Compute.Ops;

namespace NotebookNN.Tensors;

public partial class Tensor
{
    /// <summary>Keras <c>softmax</c> over <paramref name="axis"/> (default the last): exp(x − max) / Σ exp(x − max),
    /// stable for large logits. Backward: y·(g − Σ g·y).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The axis is out of range for this tensor's rank.</exception>
    public static Tensor Softmax(Tensor x, int axis = -1)
    {
        int ax = Shape.NormalizeAxis(axis, x.NDim);
        var y = SoftmaxForward(x, ax, log: false);
        if (GradientTape.Recording(x) is { } tape) tape.Push<SoftmaxBackward>(y, x).Axis = ax;
        return y;
    }

    private sealed class SoftmaxBackward : TapeOp
    {
        internal int Axis;

        internal override void Backward(Tensor g, bool[] needed, Tensor?[] grads)
        {
            var y = Output;
            var dot = Reduction.Reduce<AddOp>(Elementwise.Binary<MulOp>(g, y), [Axis]);
            grads[0] = y * Elementwise.Binary<SubOp>(g, dot);
        }
    }

    /// <summary>Keras <c>softmax</c> over <paramref name="axis"/> (default the last).</summary>
    public Tensor Softmax(int axis = -1) => Softmax(this, axis);

    /// <summary>Keras <c>log_softmax</c> over <paramref name="axis"/> (default the last): x − logΣexp(x), stable.
    /// Backward: g − softmax(x)·Σ g.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The axis is out of range for this tensor's rank.</exception>
    public static Tensor LogSoftmax(Tensor x, int axis = -1)
    {
        int ax = Shape.NormalizeAxis(axis, x.NDim);
        var y = SoftmaxForward(x, ax, log: true);
        GradientTape.Record(y, x, g => g - Exp(y) * Reduction.Reduce<AddOp>(g, [ax]));
        return y;
    }

    /// <summary>Keras <c>log_softmax</c> over <paramref name="axis"/> (default the last).</summary>
    public Tensor LogSoftmax(int axis = -1) => LogSoftmax(this, axis);

    private static Tensor SoftmaxForward(Tensor x, int axis, bool log)
    {
        var c = x.Contiguous();
        if (axis == c.NDim - 1 && c.Dims[axis] > 0)
        {
            var y = NewUninitialized(c.Dims);
            SoftmaxRows.AllRows(c.Span, c.Dims[axis], y.Span, log);
            return y;
        }
        // Other axes: the same steps on whole tensors, broadcasting the per-slice max and sum.
        var m = Reduction.Reduce<MaxOp>(c, [axis]);
        var e = Elementwise.Binary<ExpSubOp>(c, m);
        var s = Reduction.Reduce<AddOp>(e, [axis]);
        return log ? Elementwise.Binary<SubOp>(Elementwise.Binary<SubOp>(c, m), Elementwise.Unary<LogOp>(s))
                   : Elementwise.Binary<DivOp>(e, s);
    }
}
