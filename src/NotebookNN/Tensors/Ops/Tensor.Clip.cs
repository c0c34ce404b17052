using NotebookNN.Compute.Ops;

namespace NotebookNN.Tensors;

public partial class Tensor
{
    /// <summary>Elementwise maximum with broadcasting (NaN propagates, as numpy's <c>maximum</c>).
    /// Gradient: to a where a ≥ b, to b elsewhere.</summary>
    public static Tensor Maximum(Tensor a, Tensor b) => Extremum<MaxOp, GreaterEqualOp, LessOp>(a, b);

    /// <summary>Elementwise maximum with a constant.</summary>
    public static Tensor Maximum(Tensor a, double b) => Maximum(a, Scalar(b));
    /// <summary>Elementwise maximum with broadcasting.</summary>
    public Tensor Maximum(Tensor other) => Maximum(this, other);
    /// <summary>Elementwise maximum with a constant.</summary>
    public Tensor Maximum(double other) => Maximum(this, Scalar(other));

    /// <summary>Elementwise minimum with broadcasting (NaN propagates). Gradient: to a where a ≤ b, to b elsewhere.</summary>
    public static Tensor Minimum(Tensor a, Tensor b) => Extremum<MinOp, LessEqualOp, GreaterOp>(a, b);

    /// <summary>Elementwise minimum with a constant.</summary>
    public static Tensor Minimum(Tensor a, double b) => Minimum(a, Scalar(b));
    /// <summary>Elementwise minimum with broadcasting.</summary>
    public Tensor Minimum(Tensor other) => Minimum(this, other);
    /// <summary>Elementwise minimum with a constant.</summary>
    public Tensor Minimum(double other) => Minimum(this, Scalar(other));

    // y = TOp(a, b) broadcast; g flows to a where TToA(a, b) is 1 and to b where TToB(a, b) is 1 (ties go to a).
    private static Tensor Extremum<TOp, TToA, TToB>(Tensor a, Tensor b)
        where TOp : Compute.Drivers.IBinaryOp where TToA : Compute.Drivers.IBinaryOp where TToB : Compute.Drivers.IBinaryOp
    {
        var y = Elementwise.Binary<TOp>(a, b);
        GradientTape.Record(y, a, b,
            g => Broadcast.SumTo(g * Elementwise.Binary<TToA>(a, b), a.Shape),
            g => Broadcast.SumTo(g * Elementwise.Binary<TToB>(a, b), b.Shape));
        return y;
    }

    /// <summary>Limits every element to [min, max] (numpy's <c>clip</c>); the gradient passes where min ≤ x ≤ max.</summary>
    /// <exception cref="ArgumentException">A bound is NaN, or min &gt; max.</exception>
    public static Tensor Clip(Tensor x, double min, double max)
    {
        if (double.IsNaN(min) || double.IsNaN(max) || min > max)
            throw new ArgumentException(Invariant($"Clip expects bounds with min <= max and neither NaN. Received: min={min}, max={max}"));
        var y = Elementwise.Binary<MinOp>(Elementwise.Binary<MaxOp>(x, min), max);
        GradientTape.Record(y, x, g => g * Elementwise.Binary<GreaterEqualOp>(x, min) * Elementwise.Binary<LessEqualOp>(x, max));
        return y;
    }

    /// <summary>Limits every element to [min, max].</summary>
    public Tensor Clip(double min, double max) => Clip(this, min, max);
}
