using NotebookNN.Tensors;

namespace NotebookNN.Layers;

/// <summary>Subtracts its second input from its first (keras.layers.Subtract); exactly two inputs.</summary>
public sealed class Subtract(string? name = null) : ElementwiseMerge(name)
{
    protected override Tensor Combine(Tensor a, Tensor b) => a - b;

    protected override Shape MergeShapes(Shape[] shapes)
    {
        if (shapes.Length != 2)
            throw new ArgumentException($"A `Subtract` layer should be called on exactly 2 inputs. Received: {shapes.Length} inputs");
        return base.MergeShapes(shapes);
    }
}
