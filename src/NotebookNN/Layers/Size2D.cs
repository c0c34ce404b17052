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
internal sealed class Size2DJsonConverter : PairJsonConverter<Size2D>
{
    private protected override Size2D FromOne(double value) => Integer(value);
    private protected override Size2D FromPair(double first, double second) => new(Integer(first), Integer(second));
    private protected override (double First, double Second) ToPair(Size2D value) => (value.Height, value.Width);

    private static int Integer(double value) => value == Math.Floor(value) && Math.Abs(value) <= int.MaxValue ? (int)value
        : throw new JsonException(Invariant($"Expected an integer, found {value}."));
}
