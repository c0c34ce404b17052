using NotebookNN.Tensors;

namespace NotebookNN.Layers;

/// <summary>
/// Multiplies its input by <see cref="Scale"/> and adds <see cref="Offset"/> (keras.layers.Rescaling):
/// <c>new Rescaling(1.0 / 255)</c> maps pixels to [0, 1], <c>new Rescaling(1.0 / 127.5, offset: -1)</c> to [−1, 1].
/// In training and inference alike. No weights.
/// </summary>
public sealed class Rescaling : Layer
{
    internal override bool ConcurrentInference => true;

    /// <param name="scale">The factor.</param>
    /// <param name="offset">Added after scaling; default 0.</param>
    /// <param name="inputShape">Per-sample input shape, for the first layer of a Sequential model.</param>
    /// <param name="name">Layer name; default <c>rescaling</c>, ….</param>
    public Rescaling(double scale, double offset = 0.0, Shape? inputShape = null, string? name = null) : base(name, inputShape)
    {
        Scale = scale;
        Offset = offset;
    }

    public double Scale { get; }
    public double Offset { get; }

    public override Tensor Call(Tensor inputs, bool training = false)
    {
        EnsureBuilt(inputs);
        var scaled = inputs * Scale;
        return Offset == 0 ? scaled : scaled + Offset;
    }

    public override Dictionary<string, object?> GetConfig()
    {
        var c = base.GetConfig();
        c["scale"] = Scale;
        c["offset"] = Offset;
        return c;
    }
}
