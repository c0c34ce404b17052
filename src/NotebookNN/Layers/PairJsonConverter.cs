using System.Text.Json;
using System.Text.Json.Serialization;

namespace NotebookNN.Layers;

/// <summary>A layer argument Keras writes as one number or a list of two (<c>pool_size</c>, <c>factor</c>): read from
/// either, written as a list of two.</summary>
internal abstract class PairJsonConverter<T> : JsonConverter<T>
{
    private protected abstract T FromOne(double value);
    private protected abstract T FromPair(double first, double second);
    private protected abstract (double First, double Second) ToPair(T value);

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number) return FromOne(reader.GetDouble());
        var pair = JsonSerializer.Deserialize<double[]>(ref reader, options);
        return pair is [var first, var second] ? FromPair(first, second)
            : throw new JsonException($"Expected a number or a list of 2 numbers, found a list of {pair?.Length ?? 0}.");
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        var (first, second) = ToPair(value);
        writer.WriteStartArray();
        writer.WriteNumberValue(first);
        writer.WriteNumberValue(second);
        writer.WriteEndArray();
    }
}
