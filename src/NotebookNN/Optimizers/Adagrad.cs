using System.Runtime.Intrinsics;
using NotebookNN.Compute.Drivers;
using NotebookNN.Text;

namespace NotebookNN.Optimizers;

/// <summary>
/// Adagrad (Keras 3's rule): <c>a += g²; w −= lr·g/√(a + ε)</c>, with the accumulator <c>a</c> starting at
/// <see cref="InitialAccumulatorValue"/>.
/// </summary>
public sealed class Adagrad : Optimizer
{
    /// <param name="learningRate">A positive rate or a <see cref="LearningRateSchedule"/>; default 0.001.</param>
    /// <param name="initialAccumulatorValue">Starting value of the accumulators; must be non-negative.</param>
    /// <param name="epsilon">Small constant for numerical stability.</param>
    /// <param name="weightDecay">Decoupled weight decay, or null.</param>
    /// <param name="clipnorm">Per-gradient norm clip, or null.</param>
    /// <param name="clipvalue">Per-element value clip, or null.</param>
    /// <param name="globalClipnorm">Global norm clip, or null.</param>
    /// <param name="name">The optimizer name.</param>
    public Adagrad(LearningRateSpec? learningRate = null, double initialAccumulatorValue = 0.1, double epsilon = 1e-7,
        double? weightDecay = null, double? clipnorm = null, double? clipvalue = null, double? globalClipnorm = null,
        string name = "adagrad")
        : base(learningRate ?? 0.001, weightDecay, clipnorm, clipvalue, globalClipnorm, name)
    {
        if (!(initialAccumulatorValue >= 0))
            throw new ArgumentException("Argument `initial_accumulator_value` must be a non-negative float. " +
                $"Received: initial_accumulator_value={PythonText.Number(initialAccumulatorValue)}", nameof(initialAccumulatorValue));
        InitialAccumulatorValue = initialAccumulatorValue;
        Epsilon = epsilon;
    }

    /// <summary>Starting value of the accumulators.</summary>
    public double InitialAccumulatorValue { get; }
    /// <summary>Numerical-stability constant.</summary>
    public double Epsilon { get; }

    /// <inheritdoc/>
    protected override void Build(OptimizerSlots slots) => slots.Add("accumulator", (float)InitialAccumulatorValue);

    /// <inheritdoc/>
    protected override void UpdateStep(Span<float> variable, ReadOnlySpan<float> gradient, OptimizerSlots slots, float learningRate) =>
        UpdateDriver.Run(new AdagradOp(learningRate, (float)Epsilon), variable, gradient, slots[0], default, default);

    private readonly struct AdagradOp(float lr, float epsilon) : IUpdateOp
    {
        public void Invoke(ref float w, float g, ref float a, ref float s1, ref float s2)
        {
            a += g * g;
            w -= lr * g / MathF.Sqrt(a + epsilon);
        }

        public void Invoke(ref Vector512<float> w, Vector512<float> g, ref Vector512<float> a, ref Vector512<float> s1, ref Vector512<float> s2)
        {
            a += g * g;
            w -= lr * g / Vector512.Sqrt(a + Vector512.Create(epsilon));
        }

        public void Invoke(ref Vector256<float> w, Vector256<float> g, ref Vector256<float> a, ref Vector256<float> s1, ref Vector256<float> s2)
        {
            a += g * g;
            w -= lr * g / Vector256.Sqrt(a + Vector256.Create(epsilon));
        }
    }
}
