using NotebookNN.Compute.Ops;

namespace NotebookNN.Tensors;

public partial class Tensor
{
    /// <summary>Elementwise product with numpy broadcasting.</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static Tensor operator *(Tensor a, Tensor b)
    {
        var y = Elementwise.Binary<MulOp>(a, b);
        RecordArithmetic(y, a, b, Arith.Mul);
        return y;
    }

    /// <summary>Multiplies every element by <paramref name="s"/>.</summary>
    public static Tensor operator *(Tensor a, double s)
    {
        var y = Elementwise.Binary<MulOp>(a, s);
        RecordScalarArithmetic(y, a, Arith.Mul, s);
        return y;
    }

    /// <summary>Multiplies every element by <paramref name="s"/>.</summary>
    public static Tensor operator *(double s, Tensor a) => a * s;

    /// <summary>Elementwise quotient with numpy broadcasting (IEEE results on division by zero, like numpy).</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static Tensor operator /(Tensor a, Tensor b)
    {
        var y = Elementwise.Binary<DivOp>(a, b);
        RecordArithmetic(y, a, b, Arith.Div);
        return y;
    }

    /// <summary>Divides every element by <paramref name="s"/>.</summary>
    public static Tensor operator /(Tensor a, double s)
    {
        var y = Elementwise.Binary<DivOp>(a, s);
        RecordScalarArithmetic(y, a, Arith.Div, s);
        return y;
    }

    /// <summary><paramref name="s"/> divided by every element.</summary>
    public static Tensor operator /(double s, Tensor a)
    {
        var y = Elementwise.Binary<DivOp>(s, a);
        RecordScalarArithmetic(y, a, Arith.ScalarOverTensor, s);
        return y;
    }
}
