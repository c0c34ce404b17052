using NotebookNN.Kernels.Ops;

namespace NotebookNN;

public partial class Tensor
{
    /// <summary>Elementwise product with numpy broadcasting.</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static Tensor operator *(Tensor a, Tensor b)
    {
        var y = Elementwise.Binary<MulOp>(a, b);
        GradientTape.Record(y, a, b, g => Broadcast.SumTo(g * b, a.Shape), g => Broadcast.SumTo(g * a, b.Shape));
        return y;
    }

    /// <summary>Multiplies every element by <paramref name="s"/>.</summary>
    public static Tensor operator *(Tensor a, float s)
    {
        var y = Elementwise.Binary<MulOp>(a, s);
        GradientTape.Record(y, a, g => g * s);
        return y;
    }

    /// <summary>Multiplies every element by <paramref name="s"/>.</summary>
    public static Tensor operator *(float s, Tensor a) => a * s;

    /// <summary>Elementwise quotient with numpy broadcasting (IEEE results on division by zero, like numpy).</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static Tensor operator /(Tensor a, Tensor b)
    {
        var y = Elementwise.Binary<DivOp>(a, b);
        GradientTape.Record(y, a, b,
            g => Broadcast.SumTo(g / b, a.Shape),
            g => Broadcast.SumTo(g * Elementwise.Binary<NegDivOp>(y, b), b.Shape));
        return y;
    }

    /// <summary>Divides every element by <paramref name="s"/>.</summary>
    public static Tensor operator /(Tensor a, float s)
    {
        var y = Elementwise.Binary<DivOp>(a, s);
        GradientTape.Record(y, a, g => g / s);
        return y;
    }

    /// <summary><paramref name="s"/> divided by every element.</summary>
    public static Tensor operator /(float s, Tensor a)
    {
        var y = Elementwise.Binary<DivOp>(s, a);
        GradientTape.Record(y, a, g => g * Elementwise.Binary<NegDivOp>(y, a));
        return y;
    }
}
