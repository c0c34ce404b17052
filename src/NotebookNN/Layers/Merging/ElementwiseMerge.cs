using NotebookNN.Tensors;

namespace NotebookNN.Layers;

/// <summary>A merge layer applied element by element to inputs of one shape (Keras's elementwise <c>_Merge</c> layers).</summary>
public abstract class ElementwiseMerge : Merge
{
    /// <param name="name">The layer's name.</param>
    protected ElementwiseMerge(string? name = null) : base(name) { }

    /// <summary>Combines two tensors of one shape.</summary>
    protected abstract Tensor Combine(Tensor a, Tensor b);

    protected override Tensor MergeTensors(Tensor[] inputs)
    {
        var y = inputs[0];
        for (int i = 1; i < inputs.Length; i++) y = Combine(y, inputs[i]);
        return y;
    }

    protected override Shape MergeShapes(Shape[] shapes)
    {
        for (int i = 1; i < shapes.Length; i++)
            if (shapes[i] != shapes[0])
                throw new ArgumentException($"Inputs have incompatible shapes. Received shapes {KerasTensor.FormatWithBatch(shapes[0])} and {KerasTensor.FormatWithBatch(shapes[i])} (layer \"{Name}\")");
        return shapes[0];
    }
}
