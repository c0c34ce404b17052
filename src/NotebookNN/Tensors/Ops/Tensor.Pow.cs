using NotebookNN.Compute.Ops;

namespace NotebookNN.Tensors;

public partial class Tensor
{
    /// <summary>Elementwise xᵖ (numpy's <c>power</c> for floats: a negative base needs a whole exponent, else NaN).</summary>
    public static Tensor Pow(Tensor x, double exponent)
    {
        var y = exponent switch
        {
            2f => Elementwise.Unary<SquareOp>(x),
            0.5f => Elementwise.Unary<SqrtOp>(x),
            _ => Elementwise.Binary<PowOp>(x, exponent),
        };
        GradientTape.Record(y, x, g => g * Elementwise.Binary<PowGradBaseOp>(x, exponent));
        return y;
    }

    /// <summary>Elementwise xᵖ.</summary>
    public Tensor Pow(double exponent) => Pow(this, exponent);

    /// <summary>Elementwise x^e with a tensor exponent, broadcast like numpy. The exponent's gradient is y·ln x
    /// where x &gt; 0 and 0 elsewhere (TensorFlow's convention).</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static Tensor Pow(Tensor x, Tensor exponent)
    {
        var y = Elementwise.Binary<PowOp>(x, exponent);
        GradientTape.Record(y, x, exponent,
            g => Broadcast.SumTo(g * Elementwise.Binary<PowGradBaseOp>(x, exponent), x.Shape),
            g => Broadcast.SumTo(g * Elementwise.Binary<PowGradExponentOp>(x, y), exponent.Shape));
        return y;
    }

    /// <summary>Elementwise x^e with a tensor exponent.</summary>
    public Tensor Pow(Tensor exponent) => Pow(this, exponent);
}
