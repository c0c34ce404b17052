using System.Globalization;
using NotebookNN.Registries;

namespace NotebookNN.Tuning;

/// <summary>One dimension of a search space (KerasTuner's <c>hp.Int</c>, <c>hp.Float</c>, <c>hp.Choice</c>, <c>hp.Boolean</c>, <c>hp.Fixed</c>).</summary>
public abstract record HyperParameter(string Name)
{
    /// <summary>The value used when nothing is sampled.</summary>
    public abstract object Default { get; }

    /// <summary>A random value of this dimension.</summary>
    public abstract object Sample(Random rng);

    /// <summary>The dimension in a line, KerasTuner's kinds: <c>Int [0, 3]</c>, <c>Float [0.0003, 0.03], log</c>, <c>Choice [32, 64]</c>.</summary>
    internal abstract string SpaceText { get; }

    /// <summary>", step …" and ", log" when they differ from the defaults.</summary>
    private protected static string Options(object? step, Sampling sampling) =>
        (step is null || step is 1 ? "" : ", step " + Format(step)) + (sampling == Sampling.Linear ? "" : ", " + KerasEnum.Name(sampling));

    internal static string Format(object v) => v switch
    {
        double d => d.ToString("G6", CultureInfo.InvariantCulture),
        float f => f.ToString("G6", CultureInfo.InvariantCulture),
        bool b => b ? "True" : "False",
        _ => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "None",
    };

    /// <summary>KerasTuner's <c>sampling</c> string parsed (an unknown one lists the valid ones); a log scale needs a positive minimum.</summary>
    internal static Sampling ParseSampling(string name, string sampling, double min)
    {
        var parsed = KerasEnum.Parse<Sampling>(sampling, "sampling", name);
        if (parsed != Sampling.Linear && min <= 0)
            throw new ArgumentException(Invariant($"`sampling=\"{KerasEnum.Name(parsed)}\" does not support negative values, found min_value: {min} for {name}."));
        return parsed;
    }

    /// <summary>A probability p in [0, 1) mapped onto [min, max] with the sampling's scale.</summary>
    internal static double Scale(double p, double min, double max, Sampling sampling) => sampling switch
    {
        Sampling.Log => min * Math.Pow(max / min, p),
        Sampling.ReverseLog => max + min - min * Math.Pow(max / min, 1 - p),
        _ => min + (max - min) * p,
    };
}

/// <summary>An integer in [MinValue, MaxValue] on a grid of <see cref="Step"/>.</summary>
public sealed record IntHyperParameter : HyperParameter
{
    internal IntHyperParameter(string name, int minValue, int maxValue, int step, string sampling, int? defaultValue) : base(name)
    {
        if (minValue > maxValue) throw new ArgumentException($"`min_value` ({minValue}) must be <= `max_value` ({maxValue}) for {name}.");
        if (step <= 0) throw new ArgumentException($"`step` must be positive. Received: step={step} for {name}.");
        var parsed = ParseSampling(name, sampling, minValue);
        if (defaultValue is { } d && (d < minValue || d > maxValue)) throw new ArgumentException($"The default value {d} of {name} is outside [{minValue}, {maxValue}].");
        (MinValue, MaxValue, Step, Sampling, DefaultValue) = (minValue, maxValue, step, parsed, defaultValue ?? minValue);
    }

    /// <summary>Smallest value.</summary>
    public int MinValue { get; }
    /// <summary>Largest value.</summary>
    public int MaxValue { get; }
    /// <summary>Grid spacing from MinValue.</summary>
    public int Step { get; }
    /// <summary>How the range is drawn (<c>"linear"</c>, <c>"log"</c> or <c>"reverse_log"</c> when declared).</summary>
    public Sampling Sampling { get; }
    /// <summary>Default value (MinValue unless given).</summary>
    public int DefaultValue { get; }
    /// <inheritdoc/>
    public override object Default => DefaultValue;

    /// <inheritdoc/>
    public override object Sample(Random rng)
    {
        int count = (MaxValue - MinValue) / Step + 1;
        if (Sampling == Sampling.Linear) return MinValue + Step * rng.Next(count);
        double v = Scale(rng.NextDouble(), MinValue, MaxValue + 1, Sampling);
        int k = Math.Min(count - 1, (int)Math.Floor((v - MinValue) / Step));
        return MinValue + Step * k;
    }

    internal override string SpaceText => $"Int [{MinValue}, {MaxValue}]{Options(Step, Sampling)}";
}

/// <summary>A float in [MinValue, MaxValue], sampled linearly or on a log scale, optionally on a grid.</summary>
public sealed record FloatHyperParameter : HyperParameter
{
    internal FloatHyperParameter(string name, double minValue, double maxValue, double? step, string sampling, double? defaultValue) : base(name)
    {
        if (!(minValue <= maxValue)) throw new ArgumentException(Invariant($"`min_value` ({minValue}) must be <= `max_value` ({maxValue}) for {name}."));
        if (step is <= 0) throw new ArgumentException(Invariant($"`step` must be positive. Received: step={step} for {name}."));
        var parsed = ParseSampling(name, sampling, minValue);
        if (defaultValue is { } d && (d < minValue || d > maxValue)) throw new ArgumentException(Invariant($"The default value {d} of {name} is outside [{minValue}, {maxValue}]."));
        (MinValue, MaxValue, Step, Sampling, DefaultValue) = (minValue, maxValue, step, parsed, defaultValue ?? minValue);
    }

    /// <summary>Smallest value.</summary>
    public double MinValue { get; }
    /// <summary>Largest value.</summary>
    public double MaxValue { get; }
    /// <summary>Grid spacing, or null for continuous values.</summary>
    public double? Step { get; }
    /// <summary>How the range is drawn (<c>"linear"</c>, <c>"log"</c> or <c>"reverse_log"</c> when declared).</summary>
    public Sampling Sampling { get; }
    /// <summary>Default value (MinValue unless given).</summary>
    public double DefaultValue { get; }
    /// <inheritdoc/>
    public override object Default => DefaultValue;

    /// <inheritdoc/>
    public override object Sample(Random rng)
    {
        double v = Scale(rng.NextDouble(), MinValue, MaxValue, Sampling);
        if (Step is { } s) v = Math.Min(MaxValue, MinValue + Math.Round((v - MinValue) / s) * s);
        return v;
    }

    internal override string SpaceText => $"Float [{Format(MinValue)}, {Format(MaxValue)}]{Options(Step, Sampling)}";
}

/// <summary>One of a list of values (also used for <c>hp.Boolean</c> with [false, true]).</summary>
public sealed record ChoiceHyperParameter : HyperParameter
{
    internal ChoiceHyperParameter(string name, IReadOnlyList<object> values, object? defaultValue) : base(name)
    {
        if (values.Count == 0) throw new ArgumentException($"`values` must be provided for `Choice` {name}.");
        if (defaultValue is not null && !values.Contains(defaultValue))
            throw new ArgumentException($"The default value should be one of the choices [{string.Join(", ", values.Select(Format))}]. Received: default={Format(defaultValue)} for {name}");
        Values = values;
        DefaultValue = defaultValue ?? values[0];
    }

    /// <summary>The choices.</summary>
    public IReadOnlyList<object> Values { get; }
    /// <summary>Default value (the first choice unless given).</summary>
    public object DefaultValue { get; }
    /// <inheritdoc/>
    public override object Default => DefaultValue;
    /// <inheritdoc/>
    public override object Sample(Random rng) => Values[rng.Next(Values.Count)];

    internal override string SpaceText => Values is [false, true] ? "Boolean" : $"Choice [{string.Join(", ", Values.Select(Format))}]";
}

/// <summary>A value that never changes (<c>hp.Fixed</c>).</summary>
public sealed record FixedHyperParameter(string Name, object Value) : HyperParameter(Name)
{
    /// <inheritdoc/>
    public override object Default => Value;
    /// <inheritdoc/>
    public override object Sample(Random rng) => Value;

    internal override string SpaceText => "Fixed";
}
