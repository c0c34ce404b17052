using NotebookNN.Tensors;

namespace NotebookNN.Layers;

/// <summary>
/// Reshapes each sample (keras.layers.Reshape): <c>new Reshape([4, 2])</c> turns (batch, 8) into (batch, 4, 2).
/// One dimension may be -1, inferred from the others.
/// </summary>
public sealed class Reshape : Layer
{
    internal override bool ConcurrentInference => true;

    /// <param name="targetShape">The per-sample target shape (no batch axis); at most one -1.</param>
    /// <param name="name">The layer's name; default <c>reshape</c>, <c>reshape_1</c>, ….</param>
    public Reshape(int[] targetShape, string? name = null) : base(name)
    {
        ArgumentNullException.ThrowIfNull(targetShape);
        if (targetShape.Count(d => d == -1) > 1 || targetShape.Any(d => d == 0 || d < -1))
            throw new ArgumentException($"Received an invalid value for `target_shape`: positive dimensions and at most one -1 expected. Received: target_shape={Shape.Format(targetShape)}");
        TargetShape = targetShape;
    }

    /// <summary>The per-sample target shape, possibly with one -1.</summary>
    public int[] TargetShape { get; }

    public override Tensor Call(Tensor inputs, bool training = false)
    {
        var sample = ComputeOutputShape(SampleShape(inputs));
        return inputs.Reshape([inputs.Shape[0], .. sample.Dims]);
    }

    public override Shape ComputeOutputShape(Shape inputShape)
    {
        int size = inputShape.Size;
        // saturating: a target shape whose product wraps (to 0 for 65536^2 in an int) must not pass or divide by zero
        long known = TargetShape.Where(d => d != -1).Aggregate(1L, (a, b) => Math.Min(a * b, Array.MaxLength + 1L));
        bool infer = TargetShape.Contains(-1);
        if (infer ? known == 0 || size % known != 0 : size != known)
            throw new ArgumentException($"total size of new array must be unchanged, input_shape = {Shape.Format(inputShape.Dims)}, output_shape = {Shape.Format(TargetShape)} (layer \"{Name}\")");
        return Shape.Wrap(TargetShape.Select(d => d == -1 ? (int)(size / known) : d).ToArray());
    }

    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["target_shape"] = TargetShape;
        return config;
    }
}
