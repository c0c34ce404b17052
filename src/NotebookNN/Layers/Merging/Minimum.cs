using NotebookNN.Tensors;

namespace NotebookNN.Layers;

/// <summary>The element-wise minimum of its inputs (keras.layers.Minimum).</summary>
public sealed class Minimum(string? name = null) : ElementwiseMerge(name)
{
    protected override Tensor Combine(Tensor a, Tensor b) => Tensor.Minimum(a, b);
}
