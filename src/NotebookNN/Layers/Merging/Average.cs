using NotebookNN.Tensors;

namespace NotebookNN.Layers;

/// <summary>The element-wise mean of its inputs (keras.layers.Average).</summary>
public sealed class Average(string? name = null) : ElementwiseMerge(name)
{
    protected override Tensor Combine(Tensor a, Tensor b) => a + b;

    protected override Tensor MergeTensors(Tensor[] inputs) => base.MergeTensors(inputs) * (1f / inputs.Length);
}
