using NotebookNN.Tensors;

namespace NotebookNN.Layers;

/// <summary>The entry point of a model, declaring the per-sample input shape (keras.layers.InputLayer). Passes inputs through.</summary>
public sealed class InputLayer : Layer
{
    internal override bool ConcurrentInference => true;

    public InputLayer(Shape shape, string? name = null) : base(name, CheckShape(shape)) { }

    protected override string DefaultNamePrefix => "input";
    private protected override bool OneBasedNames => true;

    /// <summary>The per-sample shape the model accepts.</summary>
    public Shape Shape => DeclaredInputShape!.Value;

    public override Tensor Call(Tensor inputs, bool training = false) => inputs;

    internal static Shape CheckShape(Shape shape)
    {
        foreach (var d in shape.Dims)
            if (d <= 0)
                throw new ArgumentException($"Received an invalid value for `shape`, expected positive dimensions (the batch axis is left out). Received: shape={shape}");
        return shape;
    }
}
