namespace NotebookNN.Optimizers;

/// <summary>
/// A learning rate that changes with the optimizer's step count (Keras's
/// <c>keras.optimizers.schedules.LearningRateSchedule</c>). Pass one as an optimizer's <c>learningRate</c>.
/// </summary>
public abstract class LearningRateSchedule
{
    /// <summary>The learning rate to use at optimizer step <paramref name="step"/> (0 for the first update).</summary>
    /// <remarks>Called once per training step: implementations must not allocate.</remarks>
    public abstract double Call(long step);
}
