using System.Runtime.Intrinsics;
using NotebookNN.Compute.Drivers;

namespace NotebookNN.Optimizers;

/// <summary>
/// RMSprop (Keras 3's rule): <c>v = ρ·v + (1−ρ)·g²</c>; centered: <c>ḡ = ρ·ḡ + (1−ρ)·g</c> and
/// <c>denominator = v − ḡ² + ε</c>, else <c>v + ε</c>; <c>Δ = lr·g/√denominator</c>; with momentum
/// <c>m = momentum·m + Δ; w −= m</c>, else <c>w −= Δ</c>.
/// </summary>
public sealed class RMSprop : Optimizer
{
    /// <param name="learningRate">A positive rate or a <see cref="LearningRateSchedule"/>; default 0.001.</param>
    /// <param name="rho">Discount factor of the squared-gradient average.</param>
    /// <param name="momentum">Momentum factor; 0 disables momentum.</param>
    /// <param name="epsilon">Small constant for numerical stability.</param>
    /// <param name="centered">Normalize by the estimated gradient variance instead of the raw second moment.</param>
    /// <param name="weightDecay">Decoupled weight decay, or null.</param>
    /// <param name="clipnorm">Per-gradient norm clip, or null.</param>
    /// <param name="clipvalue">Per-element value clip, or null.</param>
    /// <param name="globalClipnorm">Global norm clip, or null.</param>
    /// <param name="name">The optimizer name.</param>
    public RMSprop(LearningRateSpec? learningRate = null, double rho = 0.9, double momentum = 0.0, double epsilon = 1e-7,
        bool centered = false, double? weightDecay = null, double? clipnorm = null, double? clipvalue = null,
        double? globalClipnorm = null, string name = "rmsprop")
        : base(learningRate ?? 0.001, weightDecay, clipnorm, clipvalue, globalClipnorm, name)
    {
        Rho = rho;
        Momentum = momentum;
        Epsilon = epsilon;
        Centered = centered;
    }

    /// <summary>Discount factor.</summary>
    public double Rho { get; }
    /// <summary>Momentum factor.</summary>
    public double Momentum { get; }
    /// <summary>Numerical-stability constant.</summary>
    public double Epsilon { get; }
    /// <summary>Whether the centered variant is used.</summary>
    public bool Centered { get; }

    /// <inheritdoc/>
    protected override void Build(OptimizerSlots slots)
    {
        slots.Add("velocity");
        if (Momentum > 0) slots.Add("momentum");
        if (Centered) slots.Add("average_gradient");
    }

    /// <inheritdoc/>
    protected override void UpdateStep(Span<float> variable, ReadOnlySpan<float> gradient, OptimizerSlots slots, float learningRate)
    {
        bool useMomentum = Momentum > 0;
        var op = new RmsOp(learningRate, (float)Rho, (float)Momentum, (float)Epsilon, useMomentum, Centered);
        var momentum = useMomentum ? slots[1] : default;
        var average = Centered ? slots[useMomentum ? 2 : 1] : default;
        UpdateDriver.Run(op, variable, gradient, slots[0], momentum, average);
    }

    private readonly struct RmsOp(float lr, float rho, float momentum, float epsilon, bool useMomentum, bool centered) : IUpdateOp
    {
        public void Invoke(ref float w, float g, ref float v, ref float m, ref float avg)
        {
            v = rho * v + (1 - rho) * (g * g);
            float denominator = v + epsilon;
            if (centered)
            {
                avg = rho * avg + (1 - rho) * g;
                denominator = v - avg * avg + epsilon;
            }
            float increment = lr * g / MathF.Sqrt(denominator);
            if (useMomentum) { m = momentum * m + increment; w -= m; }
            else w -= increment;
        }

        public void Invoke(ref Vector512<float> w, Vector512<float> g, ref Vector512<float> v, ref Vector512<float> m, ref Vector512<float> avg)
        {
            v = rho * v + (1 - rho) * (g * g);
            var denominator = v + Vector512.Create(epsilon);
            if (centered)
            {
                avg = rho * avg + (1 - rho) * g;
                denominator = v - avg * avg + Vector512.Create(epsilon);
            }
            var increment = lr * g / Vector512.Sqrt(denominator);
            if (useMomentum) { m = momentum * m + increment; w -= m; }
            else w -= increment;
        }

        public void Invoke(ref Vector256<float> w, Vector256<float> g, ref Vector256<float> v, ref Vector256<float> m, ref Vector256<float> avg)
        {
            v = rho * v + (1 - rho) * (g * g);
            var denominator = v + Vector256.Create(epsilon);
            if (centered)
            {
                avg = rho * avg + (1 - rho) * g;
                denominator = v - avg * avg + Vector256.Create(epsilon);
            }
            var increment = lr * g / Vector256.Sqrt(denominator);
            if (useMomentum) { m = momentum * m + increment; w -= m; }
            else w -= increment;
        }
    }
}
