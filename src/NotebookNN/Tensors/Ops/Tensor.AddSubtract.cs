using NotebookNN.Compute.Ops;

namespace NotebookNN.Tensors;

public partial class Tensor
{
    /// <summary>Elementwise sum with numpy broadcasting: <c>(3, 4) + (4,)</c> adds the row to every row.</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static Tensor operator +(Tensor a, Tensor b)
    {
        var y = Elementwise.Binary<AddOp>(a, b);
        RecordArithmetic(y, a, b, Arith.Add);
        return y;
    }

    /// <summary>Adds <paramref name="s"/> to every element.</summary>
    public static Tensor operator +(Tensor a, double s)
    {
        var y = Elementwise.Binary<AddOp>(a, s);
        RecordScalarArithmetic(y, a, Arith.Add, s);
        return y;
    }

    /// <summary>Adds <paramref name="s"/> to every element.</summary>
    public static Tensor operator +(double s, Tensor a) => a + s;

    /// <summary>Elementwise difference with numpy broadcasting.</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static Tensor operator -(Tensor a, Tensor b)
    {
        var y = Elementwise.Binary<SubOp>(a, b);
        RecordArithmetic(y, a, b, Arith.Sub);
        return y;
    }

    /// <summary>Subtracts <paramref name="s"/> from every element.</summary>
    public static Tensor operator -(Tensor a, double s)
    {
        var y = Elementwise.Binary<SubOp>(a, s);
        RecordScalarArithmetic(y, a, Arith.Add, s);
        return y;
    }

    /// <summary><paramref name="s"/> minus every element.</summary>
    public static Tensor operator -(double s, Tensor a)
    {
        var y = Elementwise.Binary<SubOp>(s, a);
        RecordScalarArithmetic(y, a, Arith.Neg, s);
        return y;
    }

    /// <summary>Elementwise negation.</summary>
    public static Tensor operator -(Tensor a)
    {
        var y = Elementwise.Unary<NegOp>(a);
        RecordScalarArithmetic(y, a, Arith.Neg, 0);
        return y;
    }
}
