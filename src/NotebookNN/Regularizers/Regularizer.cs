using NotebookNN.Registries;
using NotebookNN.Tensors;

namespace NotebookNN.Regularizers;

/// <summary>
/// A penalty on a weight added to the training loss (keras.regularizers). Strings: <c>l1</c>, <c>l2</c>, <c>l1_l2</c>
/// with Keras's default factor 0.01.
/// </summary>
public abstract class Regularizer
{
    /// <summary>The penalty for <paramref name="weight"/>, a 0-D tensor.</summary>
    public abstract Tensor Call(Tensor weight);

    public static implicit operator Regularizer(string name) => Get(name);

    /// <summary>The regularizer a Keras string names; an unknown name lists the valid ones.</summary>
    public static Regularizer Get(string name) => Names.Resolve(name);

    /// <summary>Keras's regularizer strings, each with Keras's default factor 0.01.</summary>
    internal static readonly Registry<Regularizer> Names = Registry<Regularizer>.Identifiers("regularizer")
        .Add(_ => new L1(), "l1")
        .Add(_ => new L2(), "l2")
        .Add(_ => new L1L2(0.01, 0.01), "l1_l2");

    internal static double CheckFactor(double value, string name) =>
        double.IsFinite(value) && value >= 0 ? value : throw new ArgumentException(Invariant($"Value for argument {name} must be a non-negative float. Received: {name}={value}"));
}

/// <summary><c>l1 · Σ|w|</c>.</summary>
public sealed class L1(double l1 = 0.01) : Regularizer
{
    public double Factor { get; } = CheckFactor(l1, "l1");
    public override Tensor Call(Tensor weight) => weight.Abs().Sum() * (float)Factor;
}

/// <summary><c>l2 · Σw²</c>.</summary>
public sealed class L2(double l2 = 0.01) : Regularizer
{
    public double Factor { get; } = CheckFactor(l2, "l2");
    public override Tensor Call(Tensor weight) => weight.Square().Sum() * (float)Factor;
}

/// <summary><c>l1 · Σ|w| + l2 · Σw²</c> (Keras's defaults are 0 for both).</summary>
public sealed class L1L2(double l1 = 0.0, double l2 = 0.0) : Regularizer
{
    public double L1Factor { get; } = CheckFactor(l1, "l1");
    public double L2Factor { get; } = CheckFactor(l2, "l2");
    public override Tensor Call(Tensor weight) => weight.Abs().Sum() * (float)L1Factor + weight.Square().Sum() * (float)L2Factor;
}
