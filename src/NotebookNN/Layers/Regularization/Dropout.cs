using NotebookNN.Randomness;
using NotebookNN.Tensors;

namespace NotebookNN.Layers;

/// <summary>
/// Sets a random fraction <see cref="Rate"/> of its inputs to 0 while training and scales the rest by
/// 1 / (1 − rate) so the expected sum is unchanged (keras.layers.Dropout). Inference passes inputs through.
/// </summary>
public sealed class Dropout : Layer
{
    internal override bool ConcurrentInference => true;

    /// <param name="rate">Fraction of the inputs to drop, in [0, 1).</param>
    /// <param name="seed">Seed for this layer's masks; default a seed drawn from the global generator at construction.
    /// Either way the masks differ from call to call (Keras's <c>SeedGenerator(seed)</c>).</param>
    /// <param name="name">Layer name.</param>
    public Dropout(double rate, int? seed = null, string? name = null) : base(name)
    {
        if (!(rate >= 0 && rate < 1))
            throw new ArgumentException(Invariant($"Invalid value received for argument `rate`. Expected a float value between 0 and 1. Received: rate={rate}"));
        Rate = rate;
        Seed = seed;
        _masks = seed is { } s ? new RandomGenerator((ulong)(uint)s) : SeedGenerator;
    }

    private readonly RandomGenerator _masks;

    public double Rate { get; }
    public int? Seed { get; }

    public override Tensor Call(Tensor inputs, bool training = false)
    {
        EnsureBuilt(inputs);
        if (!training || Rate == 0) return inputs;
        var keep = Tensor.UniformFrom(_masks, inputs.Shape, 0f, 1f) >= (float)Rate;
        return inputs * keep * (float)(1.0 / (1.0 - Rate));
    }

    public override Dictionary<string, object?> GetConfig()
    {
        var c = base.GetConfig();
        c["rate"] = Rate;
        return c;
    }
}
