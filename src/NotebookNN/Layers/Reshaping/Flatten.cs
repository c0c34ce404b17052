using NotebookNN.Tensors;

namespace NotebookNN.Layers;

/// <summary>Flattens each sample to one axis (keras.layers.Flatten): (batch, 28, 28) → (batch, 784). No weights.</summary>
public sealed class Flatten(Shape? inputShape = null, string? name = null)
    : Layer(name, inputShape)
{
    internal override bool ConcurrentInference => true;

    public override Tensor Call(Tensor inputs, bool training = false)
    {
        EnsureBuilt(inputs);
        int batch = inputs.Dims[0];
        return inputs.NDim == 2 ? inputs : inputs.ReshapeTo([batch, batch == 0 ? 0 : inputs.Size / batch]);
    }

    public override Shape ComputeOutputShape(Shape inputShape) => [inputShape.Size];
}
