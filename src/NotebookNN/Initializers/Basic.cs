using NotebookNN.Tensors;

namespace NotebookNN.Initializers;

/// <summary>All zeros (Dense's default bias initializer).</summary>
public sealed class Zeros : Initializer
{
    public override Tensor Call(Shape shape) => Tensor.Zeros(shape);
}

/// <summary>All ones.</summary>
public sealed class Ones : Initializer
{
    public override Tensor Call(Shape shape) => Tensor.Ones(shape);
}

/// <summary>Every value <see cref="Value"/> (Keras default 0).</summary>
public sealed class Constant(float value = 0f) : Initializer
{
    public float Value { get; } = float.IsFinite(value) ? value : throw new ArgumentException(Invariant($"Argument `value` must be a finite number. Received: value={value}"));
    public override Tensor Call(Shape shape) => Tensor.Full(shape, Value);
}

/// <summary>Normal with Keras's defaults mean 0, stddev 0.05.</summary>
public sealed class RandomNormal(float mean = 0f, float stddev = 0.05f, int? seed = null) : Initializer
{
    public override Tensor Call(Shape shape) => Tensor.RandomNormal(shape, mean, stddev, seed);
}

/// <summary>Uniform with Keras's defaults [-0.05, 0.05).</summary>
public sealed class RandomUniform(float minval = -0.05f, float maxval = 0.05f, int? seed = null) : Initializer
{
    public override Tensor Call(Shape shape) => Tensor.RandomUniform(shape, minval, maxval, seed);
}

/// <summary>Normal with Keras's defaults mean 0, stddev 0.05, values beyond two stddevs redrawn.</summary>
public sealed class TruncatedNormal(float mean = 0f, float stddev = 0.05f, int? seed = null) : Initializer
{
    public override Tensor Call(Shape shape) => Tensor.TruncatedNormal(shape, mean, stddev, seed);
}
