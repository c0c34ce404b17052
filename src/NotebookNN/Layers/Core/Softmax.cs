using NotebookNN.Tensors;

namespace NotebookNN.Layers;

/// <summary>
/// Softmax over <see cref="Axis"/> (keras.layers.Softmax): turns logits into probabilities, as in TensorFlow's
/// quickstart <c>new Sequential([model, new Softmax()])</c>. No weights; the output has the input's shape.
/// </summary>
public sealed class Softmax(int axis = -1, Shape? inputShape = null, string? name = null) : Layer(name, inputShape)
{
    internal override bool ConcurrentInference => true;

    /// <summary>The axis normalised over (default the last).</summary>
    public int Axis { get; } = axis;

    public override Tensor Call(Tensor inputs, bool training = false)
    {
        EnsureBuilt(inputs);
        return inputs.Softmax(Axis);
    }

    public override Dictionary<string, object?> GetConfig()
    {
        var c = base.GetConfig();
        c["axis"] = Axis;
        return c;
    }
}
