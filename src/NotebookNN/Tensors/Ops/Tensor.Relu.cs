using NotebookNN.Compute.Ops;

namespace NotebookNN.Tensors;

public partial class Tensor
{
    /// <summary>Keras <c>relu</c>: max(x, 0); gradient 0 at 0.</summary>
    public static Tensor Relu(Tensor x) => MapRecorded<ReluOp, ReluGradOp>(x);
    /// <summary>Keras <c>relu</c>: max(x, 0).</summary>
    public Tensor Relu() => Relu(this);

    /// <summary>Keras <c>leaky_relu</c>: x where x ≥ 0, else negativeSlope·x (default 0.2, as Keras 3).</summary>
    /// <exception cref="ArgumentException"><paramref name="negativeSlope"/> is negative or NaN.</exception>
    public static Tensor LeakyRelu(Tensor x, double negativeSlope = 0.2)
    {
        if (!(negativeSlope >= 0f))
            throw new ArgumentException(Invariant($"The negativeSlope value of a Leaky ReLU cannot be negative or NaN, expected a non-negative float. Received: negativeSlope={negativeSlope}"));
        return MapRecorded<LeakyReluOp, LeakyReluGradOp>(x, (float)negativeSlope);
    }
    /// <summary>Keras <c>leaky_relu</c>.</summary>
    public Tensor LeakyRelu(double negativeSlope = 0.2) => LeakyRelu(this, negativeSlope);

    /// <summary>Keras <c>elu</c>: x where x &gt; 0, else alpha·(eˣ − 1).</summary>
    /// <exception cref="ArgumentException"><paramref name="alpha"/> is NaN.</exception>
    public static Tensor Elu(Tensor x, double alpha = 1)
    {
        if (double.IsNaN(alpha))
            throw new ArgumentException(Invariant($"The alpha value of an ELU must be a number. Received: alpha={alpha}"));
        return MapRecorded<EluOp, EluGradOp>(x, (float)alpha);
    }
    /// <summary>Keras <c>elu</c>.</summary>
    public Tensor Elu(double alpha = 1) => Elu(this, alpha);

    /// <summary>Keras <c>selu</c>: scale·elu(x, alpha) with alpha ≈ 1.6733, scale ≈ 1.0507.</summary>
    public static Tensor Selu(Tensor x) => MapRecorded<SeluOp, SeluGradOp>(x);
    /// <summary>Keras <c>selu</c>.</summary>
    public Tensor Selu() => Selu(this);

    /// <summary>Keras <c>gelu</c>: exact x·Φ(x) with the erf form, or with <paramref name="approximate"/> the tanh form
    /// ½x(1 + tanh(√(2/π)(x + 0.044715x³))).</summary>
    public static Tensor Gelu(Tensor x, bool approximate = false) =>
        approximate ? MapRecorded<GeluTanhOp, GeluTanhGradOp>(x) : MapRecorded<GeluOp, GeluGradOp>(x);
    /// <summary>Keras <c>gelu</c>.</summary>
    public Tensor Gelu(bool approximate = false) => Gelu(this, approximate);
}
