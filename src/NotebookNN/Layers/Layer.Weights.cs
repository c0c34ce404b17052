using NotebookNN.Tensors;

namespace NotebookNN.Layers;

public abstract partial class Layer
{
    /// <summary>Copies of every weight's values in Keras's order (<c>get_weights</c>: for a Dense, kernel (in, out) then bias;
    /// for a model, layer by layer).</summary>
    public List<Tensor> GetWeights() => Weights.Select(w => w.Value()).ToList();

    /// <summary>Sets every weight from <paramref name="values"/>, in the order of <see cref="GetWeights"/>.</summary>
    public void SetWeights(IReadOnlyList<Tensor> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var weights = Weights;
        if (values.Count != weights.Count)
            throw new ArgumentException($"You called SetWeights with a list of length {values.Count}, but the {Kind} \"{Name}\" expects {weights.Count} weights.");
        for (int i = 0; i < weights.Count; i++)
        {
            if (values[i].Shape != weights[i].Shape)
                throw new ArgumentException($"Weight {i} ('{weights[i].Name}') has shape {weights[i].Shape}, but the value given has shape {values[i].Shape}.");
            weights[i].Assign(values[i]);
        }
    }
}
