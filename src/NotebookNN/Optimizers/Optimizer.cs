using NotebookNN.Tensors;
using NotebookNN.Text;

namespace NotebookNN.Optimizers;

/// <summary>
/// Base class of all optimizers (Keras 3's <c>BaseOptimizer</c>). It owns the plumbing: the learning rate or
/// schedule, the step counter, gradient clipping, weight decay and the per-variable state; a subclass writes
/// only <see cref="Build"/> (its slots) and <see cref="UpdateStep"/> (its rule, in place on spans).
/// </summary>
public abstract partial class Optimizer
{
    private readonly LearningRateSchedule? _schedule;
    private double _learningRate;
    private readonly Dictionary<Variable, OptimizerSlots> _state = new(ReferenceEqualityComparer.Instance);

    /// <summary>Validates and stores the arguments shared by all optimizers (Keras's base arguments).</summary>
    protected Optimizer(LearningRateSpec learningRate, double? weightDecay, double? clipnorm, double? clipvalue,
        double? globalClipnorm, string name)
    {
        if (learningRate.Schedule is null) _learningRate = CheckLearningRate(learningRate.Constant);
        else _schedule = learningRate.Schedule;
        int clips = (clipnorm is null ? 0 : 1) + (clipvalue is null ? 0 : 1) + (globalClipnorm is null ? 0 : 1);
        if (clips > 1)
            throw new ArgumentException("Only one of `clipnorm`, `clipvalue` and `global_clipnorm` can be set. " +
                $"Received: clipnorm={PythonText.Number(clipnorm)}, clipvalue={PythonText.Number(clipvalue)}, global_clipnorm={PythonText.Number(globalClipnorm)}");
        CheckPositive(clipnorm, "clipnorm");
        CheckPositive(clipvalue, "clipvalue");
        CheckPositive(globalClipnorm, "global_clipnorm");
        if (weightDecay is { } wd && !(wd >= 0))
            throw new ArgumentException($"Argument `weight_decay` must be a non-negative float. Received: weight_decay={PythonText.Number(wd)}", nameof(weightDecay));
        WeightDecay = weightDecay;
        Clipnorm = clipnorm;
        Clipvalue = clipvalue;
        GlobalClipnorm = globalClipnorm;
        Name = name;
    }

    /// <summary>The optimizer's name, e.g. <c>adam</c>.</summary>
    public string Name { get; }

    /// <summary>
    /// The learning rate of the next update: the constant, or the schedule's value at <see cref="Iterations"/>.
    /// Settable only when the optimizer was created with a constant.
    /// </summary>
    public double LearningRate
    {
        get => _schedule?.Call(Iterations) ?? _learningRate;
        set
        {
            if (_schedule is not null)
                throw new InvalidOperationException(
                    "This optimizer was created with a `LearningRateSchedule` object as its `learning_rate` constructor " +
                    "argument, hence its learning rate is not settable. If you need the learning rate to be settable, " +
                    "you should instantiate the optimizer with a float `learning_rate` argument.");
            _learningRate = CheckLearningRate(value);
        }
    }

    /// <summary>The schedule given as learning rate, or null for a constant.</summary>
    public LearningRateSchedule? LearningRateSchedule => _schedule;

    /// <summary>Number of updates applied so far (Keras's <c>iterations</c>).</summary>
    public long Iterations { get; set; }

    /// <summary>Each gradient is rescaled so its L2 norm is at most this, or null.</summary>
    public double? Clipnorm { get; }
    /// <summary>Each gradient element is clipped to [-clipvalue, clipvalue], or null.</summary>
    public double? Clipvalue { get; }
    /// <summary>All gradients are rescaled so their joint L2 norm is at most this, or null.</summary>
    public double? GlobalClipnorm { get; }
    /// <summary>Decoupled weight decay: before each update, <c>variable -= variable * weightDecay * learningRate</c>.</summary>
    public double? WeightDecay { get; }

    /// <summary>The optimizer state of every variable seen so far (Keras's optimizer <c>variables</c>, minus the counter).</summary>
    public IEnumerable<Variable> Variables => _state.Values.SelectMany(s => s.Slots);

    /// <summary>Creates the slots for one variable (called once per variable, on its first update).</summary>
    protected abstract void Build(OptimizerSlots slots);

    /// <summary>Once per <see cref="Apply"/>, before any <see cref="UpdateStep"/>: compute per-step scalars here.</summary>
    /// <param name="learningRate">The learning rate of this step.</param>
    protected virtual void PrepareStep(double learningRate) { }

    /// <summary>Updates <paramref name="variable"/> in place from its (already clipped) gradient. Must not allocate.</summary>
    protected abstract void UpdateStep(Span<float> variable, ReadOnlySpan<float> gradient, OptimizerSlots slots, float learningRate);

    /// <summary>The state of <paramref name="variable"/>, or null before its first update.</summary>
    public OptimizerSlots? GetSlots(Variable variable) => _state.GetValueOrDefault(variable);

    private OptimizerSlots SlotsFor(Variable variable)
    {
        if (_state.TryGetValue(variable, out var slots)) return slots;
        slots = new OptimizerSlots(variable);
        Build(slots);
        if (Clipnorm is not null || Clipvalue is not null || GlobalClipnorm is not null)
            slots.ClipBuffer = new float[variable.Size];
        _state.Add(variable, slots);
        return slots;
    }

    /// <remarks>Keras accepts a zero learning rate (a frozen run); negative, NaN and infinite ones are refused.</remarks>
    private static double CheckLearningRate(double value) => value >= 0 && double.IsFinite(value) ? value
        : throw new ArgumentException("Argument `learning_rate` should be a float or a LearningRateSchedule, expected " +
            $"a non-negative value. Received: learning_rate={PythonText.Number(value)}", "learningRate");

    private static void CheckPositive(double? value, string name)
    {
        if (value is { } v && !(v > 0))
            throw new ArgumentException($"Argument `{name}` must be a positive float. Received: {name}={PythonText.Number(v)}", name);
    }
}
