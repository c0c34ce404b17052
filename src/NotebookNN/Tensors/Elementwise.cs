using NotebookNN.Compute.Drivers;

namespace NotebookNN.Tensors;

/// <summary>Non-recording elementwise plumbing shared by the public ops and their backward functions.</summary>
internal static class Elementwise
{
    /// <summary>TOp(x) into a new contiguous tensor.</summary>
    public static Tensor Unary<TOp>(Tensor x) where TOp : IUnaryOp
    {
        var c = x.Contiguous();
        var y = Tensor.NewUninitialized(c.Dims);
        UnaryDriver.Run<TOp>(c.Span, y.Span);
        return y;
    }

    /// <summary>TOp(a, b) with broadcasting.</summary>
    public static Tensor Binary<TOp>(Tensor a, Tensor b) where TOp : IBinaryOp => Broadcast.Binary<TOp>(a, b);

    /// <summary>TOp(a[i], s).</summary>
    public static Tensor Binary<TOp>(Tensor a, float s) where TOp : IBinaryOp
    {
        var c = a.Contiguous();
        var y = Tensor.NewUninitialized(c.Dims);
        BinaryDriver.Run<TOp>(c.Span, s, y.Span);
        return y;
    }

    /// <summary>TOp(a[i], s) for a float64 scalar, taken as float32 (numpy's rule for a Python float and a float32 array).</summary>
    public static Tensor Binary<TOp>(Tensor a, double s) where TOp : IBinaryOp => Binary<TOp>(a, (float)s);

    /// <summary>TOp(s, b[i]) for a float64 scalar, taken as float32.</summary>
    public static Tensor Binary<TOp>(double s, Tensor b) where TOp : IBinaryOp => Binary<TOp>((float)s, b);

    /// <summary>TOp(s, b[i]).</summary>
    public static Tensor Binary<TOp>(float s, Tensor b) where TOp : IBinaryOp
    {
        var c = b.Contiguous();
        var y = Tensor.NewUninitialized(c.Dims);
        BinaryDriver.Run<TOp>(s, c.Span, y.Span);
        return y;
    }
}
