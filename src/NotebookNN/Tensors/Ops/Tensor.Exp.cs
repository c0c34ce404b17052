using NotebookNN.Compute.Ops;

namespace NotebookNN.Tensors;

public partial class Tensor
{
    /// <summary>Elementwise eˣ.</summary>
    public static Tensor Exp(Tensor x)
    {
        var y = Elementwise.Unary<ExpOp>(x);
        GradientTape.Record(y, x, g => g * y);
        return y;
    }

    /// <summary>Elementwise eˣ.</summary>
    public Tensor Exp() => Exp(this);

    /// <summary>Elementwise natural logarithm (−inf at 0, NaN for negatives, as numpy).</summary>
    public static Tensor Log(Tensor x)
    {
        var y = Elementwise.Unary<LogOp>(x);
        GradientTape.Record(y, x, g => g / x);
        return y;
    }

    /// <summary>Elementwise natural logarithm.</summary>
    public Tensor Log() => Log(this);

    /// <summary>Elementwise square root (NaN for negatives).</summary>
    public static Tensor Sqrt(Tensor x) => MapRecorded<SqrtOp, SqrtGradOp>(x, gradFromOutput: true);

    /// <summary>Elementwise square root.</summary>
    public Tensor Sqrt() => Sqrt(this);

    /// <summary>Elementwise x².</summary>
    public static Tensor Square(Tensor x) => MapRecorded<SquareOp, SquareGradOp>(x);

    /// <summary>Elementwise x².</summary>
    public Tensor Square() => Square(this);

    /// <summary>Elementwise |x| (gradient 0 at 0).</summary>
    public static Tensor Abs(Tensor x) => MapRecorded<AbsOp, AbsGradOp>(x);

    /// <summary>Elementwise |x|.</summary>
    public Tensor Abs() => Abs(this);
}
