using System.Text.Json.Serialization;

namespace NotebookNN.Layers;

/// <summary>
/// The range an augmentation layer draws from, as Keras takes it: one number f for [−f, f]
/// (<c>new RandomRotation(0.1)</c>) or a pair (lower, upper) (<c>new RandomZoom((-0.3, -0.1))</c>). Saved in a
/// config as a list <c>[lower, upper]</c>.
/// </summary>
[JsonConverter(typeof(FactorRangeJsonConverter))]
public readonly record struct FactorRange(double Lower, double Upper)
{
    /// <summary>[−f, f].</summary>
    public static implicit operator FactorRange(double factor) => new(-factor, factor);

    /// <summary>[lower, upper].</summary>
    public static implicit operator FactorRange((double Lower, double Upper) range) => new(range.Lower, range.Upper);

    /// <summary>Python's tuple layout: <c>(-0.1, 0.1)</c>.</summary>
    public override string ToString() => Invariant($"({Lower}, {Upper})");
}

/// <summary>Reads a <see cref="FactorRange"/> from a number or a list of two, writes a list of two.</summary>
internal sealed class FactorRangeJsonConverter : PairJsonConverter<FactorRange>
{
    private protected override FactorRange FromOne(double value) => value;
    private protected override FactorRange FromPair(double first, double second) => new(first, second);
    private protected override (double First, double Second) ToPair(FactorRange value) => (value.Lower, value.Upper);
}
