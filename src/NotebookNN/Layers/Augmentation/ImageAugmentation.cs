using NotebookNN.Randomness;
using NotebookNN.Tensors;

namespace NotebookNN.Layers;

/// <summary>
/// The base of the augmentation layers (<see cref="RandomFlip"/>, <see cref="RandomRotation"/>, <see cref="RandomZoom"/>):
/// active in training only, on a channels-last batch (batch, height, width, channels), drawing from the layer's own
/// random stream (Keras's <c>SeedGenerator(seed)</c>: a given seed fixes the sequence of draws, not one draw for every
/// call); in inference the input passes through. No weights; no gradient flows back through them (they sit on the
/// model's input).
/// </summary>
public abstract class ImageAugmentation : Layer
{
    internal override bool ConcurrentInference => true;

    private protected ImageAugmentation(int? seed, Shape? inputShape, string? name) : base(name, inputShape)
    {
        Seed = seed;
        Draws = seed is { } s ? new RandomGenerator((ulong)(uint)s) : SeedGenerator;
    }

    /// <summary>The seed of the layer's random stream; null for one drawn from the global generator.</summary>
    public int? Seed { get; }

    private protected RandomGenerator Draws { get; }

    public override void Build(Shape inputShape)
    {
        if (inputShape.Rank != 3) throw PoolingArguments.WrongRank(this, inputShape, 4);
    }

    public override Tensor Call(Tensor inputs, bool training = false)
    {
        EnsureBuilt(inputs);
        if (!training) return inputs;
        if (inputs.NDim != 4) throw PoolingArguments.WrongRank(this, SampleShape(inputs), 4);
        var x = inputs.Contiguous();
        var y = Tensor.NewUninitialized(x.Dims);
        Augment(x, y);
        return y;
    }

    /// <summary>Writes the augmented batch <paramref name="x"/> (contiguous) into <paramref name="y"/>.</summary>
    private protected abstract void Augment(Tensor x, Tensor y);

    public override Dictionary<string, object?> GetConfig()
    {
        var c = base.GetConfig();
        c["seed"] = Seed;
        return c;
    }
}
