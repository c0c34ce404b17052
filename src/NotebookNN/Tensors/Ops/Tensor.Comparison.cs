using NotebookNN.Compute.Ops;

namespace NotebookNN.Tensors;

// Comparisons broadcast like arithmetic and give float tensors of 1 (true) and 0 (false); NaN compares false
// (NotEqual: true), as numpy. They are not differentiable: nothing is recorded on a tape.
public partial class Tensor
{
    /// <summary>1 where a &gt; b, else 0.</summary>
    public static Tensor operator >(Tensor a, Tensor b) => Elementwise.Binary<GreaterOp>(a, b);
    /// <summary>1 where a &lt; b, else 0.</summary>
    public static Tensor operator <(Tensor a, Tensor b) => Elementwise.Binary<LessOp>(a, b);
    /// <summary>1 where a ≥ b, else 0.</summary>
    public static Tensor operator >=(Tensor a, Tensor b) => Elementwise.Binary<GreaterEqualOp>(a, b);
    /// <summary>1 where a ≤ b, else 0.</summary>
    public static Tensor operator <=(Tensor a, Tensor b) => Elementwise.Binary<LessEqualOp>(a, b);

    /// <summary>1 where a &gt; s, else 0.</summary>
    public static Tensor operator >(Tensor a, double s) => Elementwise.Binary<GreaterOp>(a, s);
    /// <summary>1 where a &lt; s, else 0.</summary>
    public static Tensor operator <(Tensor a, double s) => Elementwise.Binary<LessOp>(a, s);
    /// <summary>1 where a ≥ s, else 0: <c>Tensor.Where(pred >= 0.5, 1, 0)</c>.</summary>
    public static Tensor operator >=(Tensor a, double s) => Elementwise.Binary<GreaterEqualOp>(a, s);
    /// <summary>1 where a ≤ s, else 0.</summary>
    public static Tensor operator <=(Tensor a, double s) => Elementwise.Binary<LessEqualOp>(a, s);

    /// <summary>1 where s &gt; a, else 0.</summary>
    public static Tensor operator >(double s, Tensor a) => Elementwise.Binary<GreaterOp>(s, a);
    /// <summary>1 where s &lt; a, else 0.</summary>
    public static Tensor operator <(double s, Tensor a) => Elementwise.Binary<LessOp>(s, a);
    /// <summary>1 where s ≥ a, else 0.</summary>
    public static Tensor operator >=(double s, Tensor a) => Elementwise.Binary<GreaterEqualOp>(s, a);
    /// <summary>1 where s ≤ a, else 0.</summary>
    public static Tensor operator <=(double s, Tensor a) => Elementwise.Binary<LessEqualOp>(s, a);

    /// <summary>Elementwise equality (numpy's <c>equal</c>): 1 where a == b, else 0. <c>==</c> stays reference equality.</summary>
    public static Tensor Equal(Tensor a, Tensor b) => Elementwise.Binary<EqualOp>(a, b);
    /// <summary>1 where a == s, else 0.</summary>
    public static Tensor Equal(Tensor a, double s) => Elementwise.Binary<EqualOp>(a, s);
    /// <summary>Elementwise inequality (numpy's <c>not_equal</c>): 1 where a != b (and where either is NaN), else 0.</summary>
    public static Tensor NotEqual(Tensor a, Tensor b) => Elementwise.Binary<NotEqualOp>(a, b);
    /// <summary>1 where a != s, else 0.</summary>
    public static Tensor NotEqual(Tensor a, double s) => Elementwise.Binary<NotEqualOp>(a, s);
}
