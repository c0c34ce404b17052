namespace NotebookNN.Tensors;

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
    /// <summary>Past this many sequences, new ones are copied instead (shapes that change every step, such as
    /// variable-length text batches, must not grow the table without bound).</summary>
    internal const int MaxEntries = 2048;

    /// <summary>Open addressing with linear probing, at most half full: a lookup is a hash and one or two compares.</summary>
    private Entry?[] _slots = new Entry?[64];
    private int _count;

    private sealed class Entry(int[] values, uint hash)
    {
        public readonly int[] Values = values;
        public readonly uint Hash = hash;
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
        uint hash = Hash(values);
        int mask = _slots.Length - 1;
        for (int i = (int)(hash & (uint)mask); _slots[i] is { } e; i = (i + 1) & mask)
            if (e.Hash == hash && values.SequenceEqual(e.Values)) return e;
        if (_count >= MaxEntries) return null;
        var entry = new Entry(values.ToArray(), hash);
        if (2 * (_count + 1) > _slots.Length) Grow();
        Place(_slots, entry);
        _count++;
        return entry;
    }

    private void Grow()
    {
        var slots = new Entry?[_slots.Length * 2];
        foreach (var e in _slots) if (e is not null) Place(slots, e);
        _slots = slots;
    }

    private static void Place(Entry?[] slots, Entry entry)
    {
        int mask = slots.Length - 1, i = (int)(entry.Hash & (uint)mask);
        while (slots[i] is not null) i = (i + 1) & mask;
        slots[i] = entry;
    }

    private static uint Hash(ReadOnlySpan<int> values)
    {
        uint h = 2166136261u ^ (uint)values.Length;
        foreach (int v in values) h = (h ^ (uint)v) * 16777619u;
        return h ^ (h >> 15);
    }
}
