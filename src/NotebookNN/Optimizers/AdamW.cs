namespace NotebookNN.Optimizers;

/// <summary>
/// Adam with decoupled weight decay (Keras's <c>AdamW</c>): before each Adam step,
/// <c>w -= w·weightDecay·lr</c>. Same rule as <see cref="Adam"/>; only the default weight decay differs.
/// </summary>
public sealed class AdamW : Adam
{
    /// <param name="learningRate">A positive rate or a <see cref="LearningRateSchedule"/>; default 0.001.</param>
    /// <param name="weightDecay">Decoupled weight decay; default 0.004.</param>
    /// <param name="beta1">Decay of the first-moment estimate.</param>
    /// <param name="beta2">Decay of the second-moment estimate.</param>
    /// <param name="epsilon">Small constant for numerical stability.</param>
    /// <param name="amsgrad">Use the AMSGrad variant.</param>
    /// <param name="clipnorm">Per-gradient norm clip, or null.</param>
    /// <param name="clipvalue">Per-element value clip, or null.</param>
    /// <param name="globalClipnorm">Global norm clip, or null.</param>
    /// <param name="name">The optimizer name.</param>
    public AdamW(LearningRateSpec? learningRate = null, double weightDecay = 0.004, double beta1 = 0.9, double beta2 = 0.999,
        double epsilon = 1e-7, bool amsgrad = false, double? clipnorm = null, double? clipvalue = null,
        double? globalClipnorm = null, string name = "adamw")
        : base(learningRate, beta1, beta2, epsilon, amsgrad, weightDecay, clipnorm, clipvalue, globalClipnorm, name)
    {
    }
}
