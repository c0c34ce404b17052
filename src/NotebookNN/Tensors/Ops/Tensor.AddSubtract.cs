using NotebookNN.Kernels.Ops;

namespace NotebookNN;

public partial class Tensor
{
    /// <summary>Elementwise sum with numpy broadcasting: <c>(3, 4) + (4,)</c> adds the row to every row.</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static Tensor operator +(Tensor a, Tensor b)
    {
        var y = Elementwise.Binary<AddOp>(a, b);
        GradientTape.Record(y, a, b, g => Broadcast.SumTo(g, a.Shape), g => Broadcast.SumTo(g, b.Shape));
        return y;
    }

    /// <summary>Adds <paramref name="s"/> to every element.</summary>
    public static Tensor operator +(Tensor a, float s)
    {
        var y = Elementwise.Binary<AddOp>(a, s);
        GradientTape.Record(y, a, g => g);
        return y;
    }

    /// <summary>Adds <paramref name="s"/> to every element.</summary>
    public static Tensor operator +(float s, Tensor a) => a + s;

    /// <summary>Elementwise difference with numpy broadcasting.</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static Tensor operator -(Tensor a, Tensor b)
    {
        var y = Elementwise.Binary<SubOp>(a, b);
        GradientTape.Record(y, a, b, g => Broadcast.SumTo(g, a.Shape), g => Broadcast.SumTo(-g, b.Shape));
        return y;
    }

    /// <summary>Subtracts <paramref name="s"/> from every element.</summary>
    public static Tensor operator -(Tensor a, float s)
    {
        var y = Elementwise.Binary<SubOp>(a, s);
        GradientTape.Record(y, a, g => g);
        return y;
    }

    /// <summary><paramref name="s"/> minus every element.</summary>
    public static Tensor operator -(float s, Tensor a)
    {
        var y = Elementwise.Binary<SubOp>(s, a);
        GradientTape.Record(y, a, g => -g);
        return y;
    }

    /// <summary>Elementwise negation.</summary>
    public static Tensor operator -(Tensor a)
    {
        var y = Elementwise.Unary<NegOp>(a);
        GradientTape.Record(y, a, g => -g);
        return y;
    }
}
