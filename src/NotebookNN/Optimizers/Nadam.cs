using System.Runtime.Intrinsics;
using NotebookNN.Compute.Drivers;

namespace NotebookNN.Optimizers;

/// <summary>
/// Adam with Nesterov momentum (Keras 3's <c>Nadam</c>, with its momentum schedule
/// <c>uₜ = β₁(1 − ½·0.96ᵗ)</c> and running product <c>Πuₜ</c>):
/// <c>m̂ = uₜ₊₁·m/(1 − Πuₜ₊₁) + (1 − uₜ)·g/(1 − Πuₜ)</c>, <c>v̂ = v/(1 − β₂ᵗ)</c>, <c>w −= lr·m̂/(√v̂ + ε)</c>.
/// </summary>
public sealed class Nadam : Optimizer
{
    private const double MomentumDecay = 0.96;
    private double _uProduct = 1.0;
    private float _mCoefficient, _gCoefficient, _vCoefficient;

    /// <param name="learningRate">A positive rate or a <see cref="LearningRateSchedule"/>; default 0.001.</param>
    /// <param name="beta1">Decay of the first-moment estimate.</param>
    /// <param name="beta2">Decay of the second-moment estimate.</param>
    /// <param name="epsilon">Small constant for numerical stability.</param>
    /// <param name="weightDecay">Decoupled weight decay, or null.</param>
    /// <param name="clipnorm">Per-gradient norm clip, or null.</param>
    /// <param name="clipvalue">Per-element value clip, or null.</param>
    /// <param name="globalClipnorm">Global norm clip, or null.</param>
    /// <param name="name">The optimizer name.</param>
    public Nadam(LearningRateSpec? learningRate = null, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-7,
        double? weightDecay = null, double? clipnorm = null, double? clipvalue = null, double? globalClipnorm = null,
        string name = "nadam")
        : base(learningRate ?? 0.001, weightDecay, clipnorm, clipvalue, globalClipnorm, name)
    {
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
    }

    /// <summary>First-moment decay.</summary>
    public double Beta1 { get; }
    /// <summary>Second-moment decay.</summary>
    public double Beta2 { get; }
    /// <summary>Numerical-stability constant.</summary>
    public double Epsilon { get; }

    /// <inheritdoc/>
    protected override void Build(OptimizerSlots slots)
    {
        slots.Add("momentum");
        slots.Add("velocity");
    }

    /// <inheritdoc/>
    protected override void PrepareStep(double learningRate)
    {
        long t = Iterations + 1;
        double uT = Beta1 * (1 - 0.5 * Math.Pow(MomentumDecay, t));
        double uNext = Beta1 * (1 - 0.5 * Math.Pow(MomentumDecay, t + 1));
        _uProduct *= uT;                                   // Keras updates the product once per step, before the variables
        double uProductNext = _uProduct * uNext;
        _mCoefficient = (float)(uNext / (1 - uProductNext));
        _gCoefficient = (float)((1 - uT) / (1 - _uProduct));
        _vCoefficient = (float)(1 / (1 - Math.Pow(Beta2, t)));
    }

    /// <inheritdoc/>
    protected override void UpdateStep(Span<float> variable, ReadOnlySpan<float> gradient, OptimizerSlots slots, float learningRate) =>
        UpdateDriver.Run(new NadamOp(learningRate, (float)(1 - Beta1), (float)(1 - Beta2), (float)Epsilon, _mCoefficient, _gCoefficient, _vCoefficient),
            variable, gradient, slots[0], slots[1], default);

    private readonly struct NadamOp(float lr, float oneMinusBeta1, float oneMinusBeta2, float epsilon, float cm, float cg, float cv) : IUpdateOp
    {
        public void Invoke(ref float w, float g, ref float m, ref float v, ref float s2)
        {
            m += (g - m) * oneMinusBeta1;
            v += (g * g - v) * oneMinusBeta2;
            float mHat = cm * m + cg * g;
            w -= mHat * lr / (MathF.Sqrt(v * cv) + epsilon);
        }

        public void Invoke(ref Vector512<float> w, Vector512<float> g, ref Vector512<float> m, ref Vector512<float> v, ref Vector512<float> s2)
        {
            m += (g - m) * oneMinusBeta1;
            v += (g * g - v) * oneMinusBeta2;
            var mHat = cm * m + cg * g;
            w -= mHat * lr / (Vector512.Sqrt(v * cv) + Vector512.Create(epsilon));
        }

        public void Invoke(ref Vector256<float> w, Vector256<float> g, ref Vector256<float> m, ref Vector256<float> v, ref Vector256<float> s2)
        {
            m += (g - m) * oneMinusBeta1;
            v += (g * g - v) * oneMinusBeta2;
            var mHat = cm * m + cg * g;
            w -= mHat * lr / (Vector256.Sqrt(v * cv) + Vector256.Create(epsilon));
        }
    }
}
