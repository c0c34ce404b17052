using NotebookNN.Tensors;

namespace NotebookNN.Layers;

/// <summary>Multiplies its inputs element by element (keras.layers.Multiply).</summary>
public sealed class Multiply(string? name = null) : ElementwiseMerge(name)
{
    protected override Tensor Combine(Tensor a, Tensor b) => a * b;
}
