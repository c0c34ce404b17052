using NotebookNN.Tensors;

namespace NotebookNN.Layers;

/// <summary>The element-wise maximum of its inputs (keras.layers.Maximum).</summary>
public sealed class Maximum(string? name = null) : ElementwiseMerge(name)
{
    protected override Tensor Combine(Tensor a, Tensor b) => Tensor.Maximum(a, b);
}
