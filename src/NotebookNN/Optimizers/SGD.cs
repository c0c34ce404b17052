using System.Runtime.Intrinsics;
using NotebookNN.Compute.Drivers;
using NotebookNN.Text;

namespace NotebookNN.Optimizers;

/// <summary>
/// Gradient descent with optional momentum and Nesterov momentum (Keras's <c>SGD</c>). Without momentum:
/// <c>w -= lr·g</c>. With momentum: <c>m = momentum·m − lr·g; w += m</c>; Nesterov: <c>w += momentum·m − lr·g</c>.
/// </summary>
public sealed class SGD : Optimizer
{
    /// <param name="learningRate">A positive rate or a <see cref="LearningRateSchedule"/>; default 0.01.</param>
    /// <param name="momentum">Momentum factor in [0, 1]; 0 disables momentum.</param>
    /// <param name="nesterov">Use Nesterov momentum.</param>
    /// <param name="weightDecay">Decoupled weight decay, or null.</param>
    /// <param name="clipnorm">Per-gradient norm clip, or null.</param>
    /// <param name="clipvalue">Per-element value clip, or null.</param>
    /// <param name="globalClipnorm">Global norm clip, or null.</param>
    /// <param name="name">The optimizer name.</param>
    public SGD(LearningRateSpec? learningRate = null, double momentum = 0.0, bool nesterov = false,
        double? weightDecay = null, double? clipnorm = null, double? clipvalue = null, double? globalClipnorm = null,
        string name = "SGD")
        : base(learningRate ?? 0.01, weightDecay, clipnorm, clipvalue, globalClipnorm, name)
    {
        if (!(momentum >= 0 && momentum <= 1))
            throw new ArgumentException($"`momentum` must be a float between [0, 1]. Received: momentum={PythonText.Number(momentum)}", nameof(momentum));
        Momentum = momentum;
        Nesterov = nesterov;
    }

    /// <summary>The momentum factor.</summary>
    public double Momentum { get; }
    /// <summary>Whether Nesterov momentum is used.</summary>
    public bool Nesterov { get; }

    /// <inheritdoc/>
    protected override void Build(OptimizerSlots slots)
    {
        if (Momentum != 0) slots.Add("momentum");
    }

    /// <inheritdoc/>
    protected override void UpdateStep(Span<float> variable, ReadOnlySpan<float> gradient, OptimizerSlots slots, float learningRate) =>
        UpdateDriver.Run(new SgdOp(learningRate, (float)Momentum, Momentum != 0, Nesterov), variable, gradient, slots.GetOrEmpty(0), default, default);

    private readonly struct SgdOp(float lr, float momentum, bool useMomentum, bool nesterov) : IUpdateOp
    {
        public void Invoke(ref float v, float g, ref float m, ref float s1, ref float s2)
        {
            if (!useMomentum) { v -= g * lr; return; }
            m = m * momentum - g * lr;
            v += nesterov ? m * momentum - g * lr : m;
        }

        public void Invoke(ref Vector512<float> v, Vector512<float> g, ref Vector512<float> m, ref Vector512<float> s1, ref Vector512<float> s2)
        {
            var step = g * lr;
            if (!useMomentum) { v -= step; return; }
            m = m * momentum - step;
            v += nesterov ? m * momentum - step : m;
        }

        public void Invoke(ref Vector256<float> v, Vector256<float> g, ref Vector256<float> m, ref Vector256<float> s1, ref Vector256<float> s2)
        {
            var step = g * lr;
            if (!useMomentum) { v -= step; return; }
            m = m * momentum - step;
            v += nesterov ? m * momentum - step : m;
        }
    }
}
