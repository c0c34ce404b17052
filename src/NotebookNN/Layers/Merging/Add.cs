using NotebookNN.Tensors;

namespace NotebookNN.Layers;

/// <summary>Adds its inputs element by element (keras.layers.Add).</summary>
public sealed class Add(string? name = null) : ElementwiseMerge(name)
{
    protected override Tensor Combine(Tensor a, Tensor b) => a + b;
}
