using NotebookNN.Tensors;

namespace NotebookNN.Layers;

/// <summary>
/// Wraps a function of tensors as a layer (keras.layers.Lambda): <c>new Lambda(x => x * 2f)</c>. The function sees
/// the batch (batch axis first) and must use tensor ops so gradients flow. No weights.
/// </summary>
public sealed class Lambda : Layer
{
    private readonly Func<Tensor, Tensor> _function;
    private readonly int[]? _outputShape;

    /// <param name="function">The computation, on a batch.</param>
    /// <param name="outputShape">The per-sample output shape; by default found by running the function on one sample of zeros.</param>
    /// <param name="name">The layer's name; default <c>lambda</c>, <c>lambda_1</c>, ….</param>
    public Lambda(Func<Tensor, Tensor> function, int[]? outputShape = null, string? name = null) : base(name)
    {
        _function = function ?? throw new ArgumentNullException(nameof(function));
        _outputShape = outputShape;
    }

    public override Tensor Call(Tensor inputs, bool training = false) => Apply(inputs);

    /// <summary>The function's result, or a clear error when it returns no tensor.</summary>
    private Tensor Apply(Tensor inputs) => _function(inputs)
        ?? throw new InvalidOperationException($"The function of Lambda layer \"{Name}\" returned null on input {inputs.Shape}; expected a tensor.");

    public override Shape ComputeOutputShape(Shape inputShape)
    {
        if (_outputShape is not null) return new Shape(_outputShape);
        var probe = Apply(Tensor.Zeros(new Shape([1, .. inputShape.Dims])));
        if (probe.NDim == 0 || probe.Shape[0] != 1)
            throw new InvalidOperationException($"The function of Lambda layer \"{Name}\" must keep the batch axis; on input (1, {string.Join(", ", inputShape.Dims)}) it returned shape {probe.Shape}. Pass `outputShape` if it cannot run on zeros.");
        return Shape.Wrap(probe.Dims[1..]);
    }
}
