using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using NotebookNN.Tensors;

namespace NotebookNN.Optimizers;

public abstract partial class Optimizer
{
    /// <summary>
    /// Applies one update step (Keras's <c>apply(grads, trainable_variables)</c>): variables whose gradient is null
    /// are skipped; gradients are clipped, weight decay is applied, then each variable is updated in place and
    /// <see cref="Iterations"/> grows by one. Slots are created on a variable's first update.
    /// </summary>
    public void Apply(IReadOnlyList<Tensor?> grads, IReadOnlyList<Variable> variables)
    {
        ArgumentNullException.ThrowIfNull(grads);
        ArgumentNullException.ThrowIfNull(variables);
        if (grads.Count != variables.Count)
            throw new ArgumentException("Argument `grads` and `trainable_variables` must have the same length. " +
                $"Received: len(grads)={grads.Count}, len(trainable_variables)={variables.Count}");
        double lr = LearningRate;
        double globalScale = 1;
        if (GlobalClipnorm is { } gc) globalScale = ClipScale(Math.Sqrt(GlobalSumOfSquares(grads, variables)), gc);
        bool clipping = Clipnorm is not null || Clipvalue is not null || GlobalClipnorm is not null;
        float decay = (float)(-(WeightDecay ?? 0) * lr);
        PrepareStep(lr);
        for (int i = 0; i < variables.Count; i++)
        {
            if (grads[i] is not { } grad) continue;
            var variable = variables[i];
            CheckShape(grad, variable);
            var slots = SlotsFor(variable);
            ReadOnlySpan<float> g = grad.Contiguous().Span;
            if (clipping) g = Clip(g, slots.ClipBuffer!, globalScale);
            var v = variable.Span;
            if (decay != 0) TensorPrimitives.MultiplyAdd(v, decay, v, v);   // v - v·wd·lr, as Keras
            UpdateStep(v, g, slots, (float)lr);
        }
        Iterations++;
    }

    /// <summary>Applies (gradient, variable) pairs (Keras's <c>apply_gradients</c>).</summary>
    public void ApplyGradients(IEnumerable<(Tensor? Gradient, Variable Variable)> gradsAndVars)
    {
        var pairs = gradsAndVars.ToList();
        Apply(pairs.Select(p => p.Gradient).ToList(), pairs.Select(p => p.Variable).ToList());
    }

    private Span<float> Clip(ReadOnlySpan<float> g, float[] buffer, double globalScale)
    {
        var dst = buffer.AsSpan();
        if (Clipvalue is { } cv)
        {
            TensorPrimitives.Min(g, (float)cv, dst);
            TensorPrimitives.Max(dst, (float)-cv, dst);
        }
        else
        {
            double scale = Clipnorm is { } cn ? ClipScale(Math.Sqrt(SumOfSquares(g)), cn) : globalScale;
            TensorPrimitives.Multiply(g, (float)scale, dst);
        }
        return dst;
    }

    /// <summary>Keras's <c>clip_by_norm</c> factor: <c>clip / max(norm, clip)</c>.</summary>
    private static double ClipScale(double norm, double clip) => clip / Math.Max(norm, clip);

    private static double SumOfSquares(ReadOnlySpan<float> g) => TensorPrimitives.SumOfSquares(g);

    private static double GlobalSumOfSquares(IReadOnlyList<Tensor?> grads, IReadOnlyList<Variable> variables)
    {
        double sum = 0;
        for (int i = 0; i < grads.Count; i++)
            if (grads[i] is { } g) { CheckShape(g, variables[i]); sum += SumOfSquares(g.Contiguous().Span); }
        return sum;
    }

    internal static void CheckShape(Tensor grad, Variable variable)
    {
        if (!grad.Dims.AsSpan().SequenceEqual(variable.Dims))
            throw new ArgumentException($"Gradient shape {grad.Shape} does not match the shape {variable.Shape} of variable '{variable.Name}'.");
    }
}
