using NotebookNN.Compute.Ops;

namespace NotebookNN.Tensors;

public partial class Tensor
{
    /// <summary>
    /// Rounds to <paramref name="decimals"/> places, halves to even, as numpy's <c>round</c> (<c>y_proba.round(2)</c>):
    /// in float32, x·10ᵈ rounded then divided by 10ᵈ (for d &lt; 0, divided then multiplied). Not differentiable: nothing is
    /// recorded on a tape, as TensorFlow's round has no gradient.
    /// </summary>
    public Tensor Round(int decimals = 0)
    {
        if (decimals == 0) return Elementwise.Unary<RoundOp>(this);
        float scale = (float)Math.Pow(10, Math.Abs(decimals)); // numpy: the power in float64, then cast to the array's float32
        if (float.IsInfinity(scale))
            throw new ArgumentOutOfRangeException(nameof(decimals), decimals,
                "Round expects decimals between -38 and 38: 10 to a larger power is not a float32, so every value would round to NaN.");
        return decimals > 0
            ? Elementwise.Binary<DivOp>(Elementwise.Unary<RoundOp>(Elementwise.Binary<MulOp>(this, scale)), scale)
            : Elementwise.Binary<MulOp>(Elementwise.Unary<RoundOp>(Elementwise.Binary<DivOp>(this, scale)), scale);
    }
}
