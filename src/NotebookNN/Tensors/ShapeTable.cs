namespace NotebookNN;

/// <summary>
/// Interned dims and strides arrays: one array per distinct sequence of values, never written after it is handed out.
/// A training step creates the same few shapes every step, so tensors made in a <see cref="TensorArena"/> share these
/// arrays instead of allocating two small arrays each. Because the arrays never change, a <see cref="Shape"/> wrapping
/// one stays valid after the step (a layer may keep the shape it was built for).
/// </summary>
internal sealed class ShapeTable
{
    /// <summary>Sequences longer than this are not interned (no tensor op needs them hot).</summary>
    private const int MaxRank = 8;
    /// <summary>Past this many sequences of one length, new ones are copied instead (shapes that change every step,
    /// such as variable-length text batches, must not grow the table without bound).</summary>
    private const int MaxPerRank = 512;

    private readonly List<Entry>?[] _byRank = new List<Entry>?[MaxRank + 1];

    private sealed class Entry(int[] values)
    {
        public readonly int[] Values = values;
        /// <summary>Row-major strides when <see cref="Values"/> is used as dims; computed on first need.</summary>
        public int[]? ContiguousStrides;
    }

    /// <summary>The interned array holding <paramref name="values"/>.</summary>
    public int[] Intern(ReadOnlySpan<int> values) => Find(values)?.Values ?? values.ToArray();

    /// <summary>The interned dims array for <paramref name="dims"/> and its interned row-major strides.</summary>
    public (int[] Dims, int[] Strides) InternContiguous(ReadOnlySpan<int> dims)
    {
        if (Find(dims) is not { } entry)
        {
            var copy = dims.ToArray();
            return (copy, Tensor.ContiguousStrides(copy));
        }
        if (entry.ContiguousStrides is null)
        {
            Span<int> strides = stackalloc int[dims.Length];
            Tensor.ContiguousStrides(dims, strides);
            entry.ContiguousStrides = Intern(strides);
        }
        return (entry.Values, entry.ContiguousStrides);
    }

    private Entry? Find(ReadOnlySpan<int> values)
    {
        if (values.Length > MaxRank) return null;
        var list = _byRank[values.Length] ??= [];
        foreach (var e in list)
            if (values.SequenceEqual(e.Values)) return e;
        if (list.Count >= MaxPerRank) return null;
        var entry = new Entry(values.ToArray());
        list.Add(entry);
        return entry;
    }
}
