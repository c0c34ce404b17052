using NotebookNN.Compute.Ops;

namespace NotebookNN.Tensors;

public partial class Tensor
{
    /// <summary>Keras <c>tanh</c>.</summary>
    public static Tensor Tanh(Tensor x) => MapRecorded<TanhOp, TanhGradOp>(x, gradFromOutput: true);
    /// <summary>Keras <c>tanh</c>.</summary>
    public Tensor Tanh() => Tanh(this);

    /// <summary>Keras <c>softplus</c>: ln(1 + eˣ), computed without overflow.</summary>
    public static Tensor Softplus(Tensor x) => MapRecorded<SoftplusOp, SoftplusGradOp>(x);
    /// <summary>Keras <c>softplus</c>.</summary>
    public Tensor Softplus() => Softplus(this);

    /// <summary>Keras <c>softsign</c>: x / (|x| + 1).</summary>
    public static Tensor Softsign(Tensor x) => MapRecorded<SoftsignOp, SoftsignGradOp>(x);
    /// <summary>Keras <c>softsign</c>.</summary>
    public Tensor Softsign() => Softsign(this);

    /// <summary>Keras <c>exponential</c> activation: eˣ.</summary>
    public static Tensor Exponential(Tensor x) => Exp(x);
    /// <summary>Keras <c>exponential</c> activation.</summary>
    public Tensor Exponential() => Exp(this);
}
