namespace NotebookNN.Optimizers;

/// <summary>
/// An optimizer's <c>learningRate</c> argument: either a constant (any <see cref="double"/> converts implicitly)
/// or a <see cref="LearningRateSchedule"/> (also implicit), as Keras accepts a float or a schedule.
/// </summary>
public readonly struct LearningRateSpec
{
    private LearningRateSpec(double constant, LearningRateSchedule? schedule)
    {
        Constant = constant;
        Schedule = schedule;
    }

    /// <summary>The constant rate (unused when <see cref="Schedule"/> is set).</summary>
    public double Constant { get; }

    /// <summary>The schedule, or null for a constant rate.</summary>
    public LearningRateSchedule? Schedule { get; }

    /// <summary>A constant learning rate.</summary>
    public static implicit operator LearningRateSpec(double value) => new(value, null);

    /// <summary>A scheduled learning rate.</summary>
    public static implicit operator LearningRateSpec(LearningRateSchedule schedule) =>
        new(double.NaN, schedule ?? throw new ArgumentNullException(nameof(schedule)));
}
