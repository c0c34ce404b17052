namespace NotebookNN.Optimizers;

/// <summary>
/// Keras's <c>ExponentialDecay</c>: <c>initialLearningRate * decayRate ^ (step / decaySteps)</c>, where the
/// exponent is floored to an integer when <see cref="Staircase"/> is true.
/// </summary>
public sealed class ExponentialDecay : LearningRateSchedule
{
    /// <param name="initialLearningRate">The learning rate at step 0.</param>
    /// <param name="decaySteps">Number of steps over which the rate is multiplied by <paramref name="decayRate"/>; must be positive.</param>
    /// <param name="decayRate">The decay factor.</param>
    /// <param name="staircase">Decay in discrete intervals (integer exponent).</param>
    public ExponentialDecay(double initialLearningRate, long decaySteps, double decayRate, bool staircase = false)
    {
        if (decaySteps <= 0)
            throw new ArgumentException($"Argument `decay_steps` must be > 0. Received: decay_steps={decaySteps}", nameof(decaySteps));
        InitialLearningRate = initialLearningRate;
        DecaySteps = decaySteps;
        DecayRate = decayRate;
        Staircase = staircase;
    }

    /// <summary>The learning rate at step 0.</summary>
    public double InitialLearningRate { get; }
    /// <summary>Steps per decay period.</summary>
    public long DecaySteps { get; }
    /// <summary>Factor applied per period.</summary>
    public double DecayRate { get; }
    /// <summary>Whether the exponent is floored.</summary>
    public bool Staircase { get; }

    /// <inheritdoc/>
    public override double Call(long step)
    {
        double p = (double)step / DecaySteps;
        if (Staircase) p = Math.Floor(p);
        return InitialLearningRate * Math.Pow(DecayRate, p);
    }
}
