using NotebookNN.Tensors;

namespace NotebookNN.Layers;

/// <summary>Repeats each sample vector n times (keras.layers.RepeatVector): (batch, features) → (batch, n, features).</summary>
public sealed class RepeatVector : Layer
{
    /// <param name="n">How many times to repeat.</param>
    /// <param name="name">The layer's name; default <c>repeat_vector</c>, ….</param>
    public RepeatVector(int n, string? name = null) : base(name)
    {
        if (n <= 0) throw new ArgumentException($"Received an invalid value for `n`, expected a positive integer. Received: n={n}");
        N = n;
        InputSpec = new InputSpec { MinNDim = 2 };
    }

    /// <summary>The number of repetitions.</summary>
    public int N { get; }

    public override Tensor Call(Tensor inputs, bool training = false)
    {
        if (inputs.NDim != 2)
            throw new ArgumentException($"Input 0 of layer \"{Name}\" is incompatible with the layer: expected ndim=2, found ndim={inputs.NDim}. Full shape received: {inputs.Shape}");
        var row = inputs.ExpandDims(1);
        return Tensor.Concatenate(Enumerable.Repeat(row, N).ToArray(), axis: 1);
    }

    public override Shape ComputeOutputShape(Shape inputShape)
    {
        if (inputShape.Rank != 1)
            throw new ArgumentException($"Input 0 of layer \"{Name}\" is incompatible with the layer: expected ndim=2, found ndim={inputShape.Rank + 1}. Full shape received: {KerasTensor.FormatWithBatch(inputShape)}");
        return [N, inputShape[0]];
    }

    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["n"] = N;
        return config;
    }
}
