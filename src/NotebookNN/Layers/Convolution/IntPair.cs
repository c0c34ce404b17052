namespace NotebookNN.Layers;

/// <summary>
/// Two sizes along the height and width axes, as Keras's <c>kernel_size</c>, <c>strides</c> and <c>pool_size</c> take
/// them: one integer for both axes (<c>kernelSize: 3</c>) or a pair (<c>kernelSize: (3, 5)</c>).
/// </summary>
public readonly record struct IntPair(int Height, int Width)
{
    public static implicit operator IntPair(int size) => new(size, size);
    public static implicit operator IntPair((int Height, int Width) pair) => new(pair.Height, pair.Width);

    /// <summary>From a saved config's list (<c>[3, 3]</c>) or a one-element list.</summary>
    public static implicit operator IntPair(int[] values) => values?.Length switch
    {
        1 => new(values[0], values[0]),
        2 => new(values[0], values[1]),
        _ => throw new ArgumentException($"Expected a tuple of 2 integers. Received: [{(values is null ? "" : string.Join(", ", values))}]"),
    };

    /// <summary>The pair as a config list, <c>[height, width]</c>.</summary>
    public int[] ToArray() => [Height, Width];

    /// <summary>Python's tuple repr, as Keras prints it in messages: <c>(3, 3)</c>.</summary>
    public override string ToString() => $"({Height}, {Width})";
}
