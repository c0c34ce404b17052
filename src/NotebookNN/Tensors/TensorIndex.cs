namespace NotebookNN.Tensors;

/// <summary>
/// One entry of a multi-axis tensor index: an integer (selects one position and drops the axis; negative
/// counts from the end as in numpy), a <see cref="System.Index"/> (<c>^1</c>) or a <see cref="System.Range"/>
/// (<c>1..3</c>, <c>..</c>; keeps the axis as a view). Converts implicitly, so <c>x[.., 1..3]</c>,
/// <c>x[0, 1]</c> and <c>x[2.., ..4, 1]</c> read like numpy's <c>x[:, 1:3]</c>, <c>x[0, 1]</c>, <c>x[2:, :4, 1]</c>.
/// An <c>int[]</c> (or <c>List&lt;int&gt;</c>) of positions is numpy's integer-array index: <c>results[i, sequence]</c>.
/// </summary>
public readonly struct TensorIndex
{
    private readonly int _position;
    private readonly Index _index;
    private readonly Range _range;
    private readonly int[]? _positions;

    internal TensorIndexKind Kind { get; }

    private TensorIndex(TensorIndexKind kind, int position, Index index, Range range, int[]? positions = null)
    {
        Kind = kind; _position = position; _index = index; _range = range; _positions = positions;
    }

    /// <summary>An integer position; negative values count from the end.</summary>
    public static implicit operator TensorIndex(int position) => new(TensorIndexKind.Position, position, default, default);
    /// <summary>A C# index such as <c>^1</c> (the last position).</summary>
    public static implicit operator TensorIndex(Index index) => new(TensorIndexKind.Position, index.IsFromEnd ? -index.Value : index.Value, index, default);
    /// <summary>A C# range such as <c>1..3</c>; keeps the axis.</summary>
    public static implicit operator TensorIndex(Range range) => new(TensorIndexKind.Range, 0, default, range);
    /// <summary>Positions along the axis (numpy's integer-array index); negative values count from the end. Reading
    /// gives a copy, as in numpy; assigning writes each position.</summary>
    public static implicit operator TensorIndex(int[] positions) =>
        new(TensorIndexKind.Positions, 0, default, default, positions ?? throw new ArgumentNullException(nameof(positions)));
    /// <summary>Positions along the axis, as an <c>int[]</c>.</summary>
    public static implicit operator TensorIndex(List<int> positions) =>
        positions is null ? throw new ArgumentNullException(nameof(positions)) : positions.ToArray();

    /// <summary>The positions of an integer-array entry.</summary>
    internal int[] Positions => _positions ?? [];

    /// <summary>This entry as one position: itself for an integer, entry <paramref name="k"/> of an integer array
    /// (its only entry when it has one, as numpy broadcasts a length-1 index array).</summary>
    internal TensorIndex At(int k) => Kind != TensorIndexKind.Positions ? this : _positions!.Length == 1 ? _positions[0] : _positions[k];

    /// <summary>The position for an integer or <see cref="System.Index"/> entry, numpy-style (negative = from the end).</summary>
    internal int Position => _position;
    internal Range Range => _range;

    /// <summary>
    /// Position resolved against an axis of <paramref name="size"/>, with numpy's error when out of range.
    /// <c>^0</c> is reported as index <c>size</c>, which is always out of range.
    /// </summary>
    internal int Resolve(int axis, int size)
    {
        bool fromEndZero = _index.IsFromEnd && _index.Value == 0;
        int i = fromEndZero ? size : (_position < 0 ? _position + size : _position);
        if (i < 0 || i >= size)
            throw new IndexOutOfRangeException($"index {(fromEndZero ? size : _position)} is out of bounds for axis {axis} with size {size}");
        return i;
    }

    /// <summary>Start and length of a range on an axis of <paramref name="size"/>, clamped like a numpy slice (never throws).</summary>
    internal (int Start, int Length) Clamp(int size)
    {
        int start = Math.Clamp(_range.Start.IsFromEnd ? size - _range.Start.Value : _range.Start.Value, 0, size);
        int stop = Math.Clamp(_range.End.IsFromEnd ? size - _range.End.Value : _range.End.Value, 0, size);
        return (start, Math.Max(0, stop - start));
    }
}

internal enum TensorIndexKind { Position, Range, Positions }
