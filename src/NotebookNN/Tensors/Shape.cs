using System.Collections;
using System.Runtime.CompilerServices;

namespace NotebookNN.Tensors;

/// <summary>
/// The dimensions of a tensor, immutable. Prints like numpy: <c>(455, 13)</c>, <c>(5,)</c>, <c>()</c>.
/// Converts implicitly from <c>int[]</c>, so <c>shape: [28, 28]</c> works wherever a shape is asked for.
/// </summary>
[CollectionBuilder(typeof(Shape), nameof(Create))]
public readonly partial struct Shape : IEquatable<Shape>, IReadOnlyList<int>
{
    private readonly int[]? _dims;

    /// <summary>A shape with the given dimensions; every dimension must be ≥ 0.</summary>
    public Shape(params int[] dims)
    {
        ArgumentNullException.ThrowIfNull(dims);
        foreach (var d in dims)
            if (d < 0)
                throw new ArgumentException($"Received an invalid shape, expected every dimension to be non-negative. Received: shape={Format(dims)}");
        _dims = (int[])dims.Clone();
    }

    /// <summary>Collection-expression builder: <c>Shape s = [2, 3];</c>.</summary>
    public static Shape Create(ReadOnlySpan<int> dims) => new(dims.ToArray());

    internal static Shape Wrap(int[] dims) => new(dims, trusted: true);
    private Shape(int[] dims, bool trusted) => _dims = dims;

    internal int[] Dims => _dims ?? [];

    /// <summary>Number of dimensions (numpy's <c>ndim</c>).</summary>
    public int Rank => Dims.Length;
    /// <summary>Same as <see cref="Rank"/>; lets C# indices from the end work: <c>shape[^1]</c>.</summary>
    public int Count => Dims.Length;
    /// <summary>Same as <see cref="Rank"/>.</summary>
    public int Length => Dims.Length;

    /// <summary>Dimension <paramref name="axis"/>; negative axes count from the end as in numpy.</summary>
    public int this[int axis] => Dims[NormalizeAxis(axis, Rank)];

    /// <summary>The dimensions in <paramref name="range"/>, as a shape: <c>xTrain.Shape[1..]</c> is the per-sample
    /// shape (Keras's <c>input_shape=X_train.shape[1:]</c>). Bounds are clamped like a Python slice.</summary>
    public Shape this[Range range]
    {
        get
        {
            int n = Rank;
            int start = Math.Clamp(range.Start.IsFromEnd ? n - range.Start.Value : range.Start.Value, 0, n);
            int stop = Math.Clamp(range.End.IsFromEnd ? n - range.End.Value : range.End.Value, 0, n);
            return Wrap(Dims.AsSpan(start, Math.Max(0, stop - start)).ToArray());
        }
    }

    /// <summary>Product of the dimensions (1 for a scalar).</summary>
    public int Size => SizeOf(Dims);

    /// <summary>Product of <paramref name="dims"/>, with a clear error past the largest float32 array.</summary>
    internal static int SizeOf(ReadOnlySpan<int> dims) => TrySizeOf(dims, out int size) ? size
        : throw new ArgumentException($"A tensor of shape {Format(dims)} would have {ElementCount(dims)} elements, more than a float32 array can hold ({Array.MaxLength}).");

    /// <summary>
    /// Product of non-negative <paramref name="dims"/> computed without overflow; false when the dimensions other than
    /// 0 multiply to more than <see cref="Array.MaxLength"/> (numpy refuses such shapes as "array is too big" even
    /// with a zero axis) or a dimension is negative.
    /// </summary>
    internal static bool TrySizeOf(ReadOnlySpan<int> dims, out int size)
    {
        size = 0;
        long nonzero = 1;
        bool empty = false;
        foreach (var d in dims)
        {
            if (d < 0) return false;
            if (d == 0) { empty = true; continue; }
            nonzero *= d; // at most Array.MaxLength * int.MaxValue before the check: no overflow
            if (nonzero > Array.MaxLength) return false;
        }
        size = empty ? 0 : (int)nonzero;
        return true;
    }

    /// <summary>The exact product of <paramref name="dims"/>, for messages about shapes too large to hold.</summary>
    internal static System.Numerics.BigInteger ElementCount(ReadOnlySpan<int> dims)
    {
        System.Numerics.BigInteger n = 1;
        foreach (var d in dims) n *= d;
        return n;
    }

    public int[] ToArray() => (int[])Dims.Clone();

    public static implicit operator Shape(int[] dims) => new(dims);

    /// <summary>Maps a possibly negative axis into [0, rank), with a Keras-style error when out of range.</summary>
    public static int NormalizeAxis(int axis, int rank)
    {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank)
            throw new ArgumentOutOfRangeException(nameof(axis), rank == 0
                ? $"axis {axis} is out of bounds for a tensor of rank 0 (a scalar has no axes)."
                : $"axis {axis} is out of bounds for a tensor of rank {rank} (expected -{rank} <= axis < {rank}).");
        return a;
    }

    public bool Equals(Shape other) => Dims.AsSpan().SequenceEqual(other.Dims);
    public override bool Equals(object? obj) => obj is Shape s && Equals(s);
    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var d in Dims) h.Add(d);
        return h.ToHashCode();
    }
    public static bool operator ==(Shape a, Shape b) => a.Equals(b);
    public static bool operator !=(Shape a, Shape b) => !a.Equals(b);

    public IEnumerator<int> GetEnumerator() => ((IEnumerable<int>)Dims).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => Format(Dims);

    internal static string Format(ReadOnlySpan<int> dims) => dims.Length switch
    {
        0 => "()",
        1 => $"({dims[0]},)",
        _ => "(" + string.Join(", ", dims.ToArray()) + ")",
    };
}
