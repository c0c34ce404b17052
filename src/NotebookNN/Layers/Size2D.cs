using NotebookNN.Tensors;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NotebookNN.Layers;

/// <summary>
/// A height and width, as Keras takes a window or stride size: one integer for both (<c>new MaxPooling2D(2)</c>) or a
/// pair (<c>poolSize: (3, 2)</c>). Saved in a config as Keras saves it, a list <c>[3, 2]</c>.
/// </summary>
[JsonConverter(typeof(Size2DJsonConverter))]
public readonly record struct Size2D(int Height, int Width)
{
    /// <summary>The same size on both axes.</summary>
    public static implicit operator Size2D(int size) => new(size, size);

    /// <summary>(height, width).</summary>
    public static implicit operator Size2D((int Height, int Width) size) => new(size.Height, size.Width);

    /// <summary>Python's tuple layout, as Keras prints it: <c>(2, 2)</c>.</summary>
    public override string ToString() => $"({Height}, {Width})";
}

/// <summary>Reads a <see cref="Size2D"/> from an integer or a list of two, writes a list of two.</summary>
internal sealed class Size2DJsonConverter : JsonConverter<Size2D>
{
    public override Size2D Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number) return reader.GetInt32();
        var pair = JsonSerializer.Deserialize<int[]>(ref reader, options);
        return pair is [var h, var w] ? new Size2D(h, w)
            : throw new JsonException($"Expected an integer or a list of 2 integers, found a list of {pair?.Length ?? 0}.");
    }

    public override void Write(Utf8JsonWriter writer, Size2D value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteNumberValue(value.Height);
        writer.WriteNumberValue(value.Width);
        writer.WriteEndArray();
    }
}
