using NotebookNN.Compute.Ops;

namespace NotebookNN.Tensors;

public partial class Tensor
{
    /// <summary>Keras <c>sigmoid</c>: 1 / (1 + e⁻ˣ).</summary>
    public static Tensor Sigmoid(Tensor x) => MapRecorded<SigmoidOp, SigmoidGradOp>(x, gradFromOutput: true);
    /// <summary>Keras <c>sigmoid</c>.</summary>
    public Tensor Sigmoid() => Sigmoid(this);

    /// <summary>Keras 3 <c>hard_sigmoid</c>: 0 below −3, 1 above 3, x/6 + ½ between.</summary>
    public static Tensor HardSigmoid(Tensor x) => MapRecorded<HardSigmoidOp, HardSigmoidGradOp>(x);
    /// <summary>Keras 3 <c>hard_sigmoid</c>.</summary>
    public Tensor HardSigmoid() => HardSigmoid(this);

    /// <summary>Keras <c>swish</c> / <c>silu</c>: x·sigmoid(x).</summary>
    public static Tensor Swish(Tensor x) => MapRecorded<SwishOp, SwishGradOp>(x);
    /// <summary>Keras <c>swish</c>.</summary>
    public Tensor Swish() => Swish(this);
    /// <summary>Keras <c>silu</c> (the same function as <see cref="Swish(Tensor)"/>).</summary>
    public static Tensor Silu(Tensor x) => Swish(x);
    /// <summary>Keras <c>silu</c>.</summary>
    public Tensor Silu() => Swish(this);
}
