using NotebookNN.Tensors;

namespace NotebookNN.Layers;

/// <summary>Applies an activation function to its input (keras.layers.Activation). No weights.</summary>
public sealed class Activation(ActivationFunction activation, Shape? inputShape = null, string? name = null)
    : Layer(name, inputShape), IActivatedLayer
{
    internal override bool ConcurrentInference => true;

    public ActivationFunction Function { get; } = activation ?? throw new ArgumentNullException(nameof(activation));

    public override Tensor Call(Tensor inputs, bool training = false)
    {
        EnsureBuilt(inputs);
        return Function.Call(inputs);
    }

    ActivationFunction IActivatedLayer.Activation => Function;

    /// <summary>The input itself: all this layer does is its activation.</summary>
    Tensor IActivatedLayer.CallLogits(Tensor inputs, bool training)
    {
        EnsureBuilt(inputs);
        return inputs;
    }

    public override Dictionary<string, object?> GetConfig()
    {
        var c = base.GetConfig();
        c["activation"] = Function.Name;
        return c;
    }
}
