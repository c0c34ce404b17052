using System.Text.Json;
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
internal sealed class FactorRangeJsonConverter : JsonConverter<FactorRange>
{
    public override FactorRange Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number) return reader.GetDouble();
        var pair = JsonSerializer.Deserialize<double[]>(ref reader, options);
        return pair is [var lower, var upper] ? new FactorRange(lower, upper)
            : throw new JsonException($"Expected a number or a list of 2 numbers, found a list of {pair?.Length ?? 0}.");
    }

    public override void Write(Utf8JsonWriter writer, FactorRange value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteNumberValue(value.Lower);
        writer.WriteNumberValue(value.Upper);
        writer.WriteEndArray();
    }
}
