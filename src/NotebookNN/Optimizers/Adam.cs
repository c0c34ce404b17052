using System.Runtime.Intrinsics;
using NotebookNN.Compute.Drivers;
using NotebookNN.Compute.Ops;

namespace NotebookNN.Optimizers;

/// <summary>
/// Adam (Keras 3's rule, bias correction folded into the step size):
/// <c>α = lr·√(1−β₂ᵗ)/(1−β₁ᵗ); m += (g−m)(1−β₁); v += (g²−v)(1−β₂); w −= α·m/(√v + ε)</c>, with
/// <c>v̂ = max(v̂, v)</c> in place of <c>v</c> when <see cref="Amsgrad"/> is set.
/// </summary>
public class Adam : Optimizer
{
    private float _alpha;

    /// <param name="learningRate">A positive rate or a <see cref="LearningRateSchedule"/>; default 0.001.</param>
    /// <param name="beta1">Decay of the first-moment estimate.</param>
    /// <param name="beta2">Decay of the second-moment estimate.</param>
    /// <param name="epsilon">Small constant for numerical stability.</param>
    /// <param name="amsgrad">Use the AMSGrad variant.</param>
    /// <param name="weightDecay">Decoupled weight decay, or null.</param>
    /// <param name="clipnorm">Per-gradient norm clip, or null.</param>
    /// <param name="clipvalue">Per-element value clip, or null.</param>
    /// <param name="globalClipnorm">Global norm clip, or null.</param>
    /// <param name="name">The optimizer name.</param>
    public Adam(LearningRateSpec? learningRate = null, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-7,
        bool amsgrad = false, double? weightDecay = null, double? clipnorm = null, double? clipvalue = null,
        double? globalClipnorm = null, string name = "adam")
        : base(learningRate ?? 0.001, weightDecay, clipnorm, clipvalue, globalClipnorm, name)
    {
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
        Amsgrad = amsgrad;
    }

    /// <summary>First-moment decay.</summary>
    public double Beta1 { get; }
    /// <summary>Second-moment decay.</summary>
    public double Beta2 { get; }
    /// <summary>Numerical-stability constant.</summary>
    public double Epsilon { get; }
    /// <summary>Whether AMSGrad is used.</summary>
    public bool Amsgrad { get; }

    /// <inheritdoc/>
    protected override void Build(OptimizerSlots slots)
    {
        slots.Add("momentum");
        slots.Add("velocity");
        if (Amsgrad) slots.Add("velocity_hat");
    }

    /// <inheritdoc/>
    protected override void PrepareStep(double learningRate)
    {
        long t = Iterations + 1;
        _alpha = (float)(learningRate * Math.Sqrt(1 - Math.Pow(Beta2, t)) / (1 - Math.Pow(Beta1, t)));
    }

    /// <inheritdoc/>
    protected override void UpdateStep(Span<float> variable, ReadOnlySpan<float> gradient, OptimizerSlots slots, float learningRate) =>
        UpdateDriver.Run(new AdamOp(_alpha, (float)(1 - Beta1), (float)(1 - Beta2), (float)Epsilon, Amsgrad),
            variable, gradient, slots[0], slots[1], slots.GetOrEmpty(2));

    private readonly struct AdamOp(float alpha, float oneMinusBeta1, float oneMinusBeta2, float epsilon, bool amsgrad) : IUpdateOp
    {
        public void Invoke(ref float w, float g, ref float m, ref float v, ref float vHat)
        {
            m += (g - m) * oneMinusBeta1;
            v += (g * g - v) * oneMinusBeta2;
            float denominator = v;
            if (amsgrad) denominator = vHat = MathF.Max(vHat, v);
            w -= m * alpha / (MathF.Sqrt(denominator) + epsilon);
        }

        public void Invoke(ref Vector512<float> w, Vector512<float> g, ref Vector512<float> m, ref Vector512<float> v, ref Vector512<float> vHat)
        {
            m += (g - m) * oneMinusBeta1;
            v += (g * g - v) * oneMinusBeta2;
            var denominator = v;
            if (amsgrad) denominator = vHat = Vector512.Max(vHat, v);
            var d = Vector512.Sqrt(denominator) + Vector512.Create(epsilon);
            w -= m * alpha * FastReciprocal.Of(d);
        }

        public void Invoke(ref Vector256<float> w, Vector256<float> g, ref Vector256<float> m, ref Vector256<float> v, ref Vector256<float> vHat)
        {
            m += (g - m) * oneMinusBeta1;
            v += (g * g - v) * oneMinusBeta2;
            var denominator = v;
            if (amsgrad) denominator = vHat = Vector256.Max(vHat, v);
            var d = Vector256.Sqrt(denominator) + Vector256.Create(epsilon);
            w -= m * alpha * FastReciprocal.Of(d);
        }
    }
}
