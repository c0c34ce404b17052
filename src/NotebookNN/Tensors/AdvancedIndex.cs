namespace NotebookNN.Tensors;

/// <summary>
/// numpy's integer-array indexing for 1-D index arrays: the arrays (and any integers beside them) broadcast together
/// to a length L, and the selection's dims are the kept (range and unmentioned) axes with one axis of length L put
/// where the first array or integer stands when those entries are adjacent, and first otherwise (numpy's rule).
/// Position k of that axis is a block of the tensor with the kept axes' dims and strides, starting at
/// <see cref="Offset"/>(k): resolved once, so a row-by-row loop (<c>results[i, sequence] = 1.0</c>) costs one strided
/// copy per position.
/// </summary>
internal sealed class AdvancedIndex
{
    private readonly TensorIndex[] _indices;
    private readonly int _baseOffset;
    private readonly int[] _axisStrides;   // stride of each array or integer entry's axis
    private readonly int[][] _positions;   // its resolved positions: L of them, or 1 (an integer, a length-1 array)

    /// <summary>L: how many positions the arrays select.</summary>
    public int Length { get; }
    /// <summary>Where the L axis stands in <see cref="Dims"/>.</summary>
    public int Axis { get; }
    /// <summary>The dims of the selection.</summary>
    public int[] Dims { get; }
    /// <summary>The dims and strides (in the indexed tensor) of the block at each position: the kept axes.</summary>
    public int[] BlockDims { get; }
    public int[] BlockStrides { get; }

    public static bool Applies(ReadOnlySpan<TensorIndex> indices)
    {
        foreach (var ix in indices) if (ix.Kind == TensorIndexKind.Positions) return true;
        return false;
    }

    public AdvancedIndex(Tensor x, TensorIndex[] indices)
    {
        int rank = x.NDim;
        if (indices.Length > rank)
            throw new IndexOutOfRangeException($"too many indices for tensor: tensor is {rank}-dimensional, but {indices.Length} were indexed (shape {x.Shape})");
        _indices = indices;
        int length = 1, first = -1, last = -1, offset = x.Offset;
        List<int> kept = [], keptStrides = [], axisStrides = [], axes = [];
        for (int a = 0; a < rank; a++)
        {
            var kind = a < indices.Length ? indices[a].Kind : TensorIndexKind.Range;
            if (kind == TensorIndexKind.Range)
            {
                var (start, n) = a < indices.Length ? indices[a].Clamp(x.Shape[a]) : (0, x.Shape[a]);
                offset += start * x.Strides[a];
                kept.Add(n);
                keptStrides.Add(x.Strides[a]);
                continue;
            }
            if (first < 0) first = a;
            last = a;
            axes.Add(a);
            axisStrides.Add(x.Strides[a]);
            if (kind == TensorIndexKind.Positions) length = Broadcast(length, indices[a].Positions.Length, indices);
        }
        Length = length;
        Axis = last - first + 1 == axes.Count ? first : 0; // the axes before the first array entry are all kept ones
        BlockDims = [.. kept];
        BlockStrides = [.. keptStrides];
        kept.Insert(Axis, length);
        Dims = [.. kept];
        _baseOffset = offset;
        _axisStrides = [.. axisStrides];
        // numpy checks every position before reading or writing any
        _positions = axes.Select(a => Resolve(indices[a], a, x.Shape[a], length)).ToArray();
    }

    /// <summary>Where the block at position <paramref name="k"/> of the L axis starts in the tensor's storage.</summary>
    public int Offset(int k)
    {
        int offset = _baseOffset;
        for (int j = 0; j < _positions.Length; j++)
        {
            var p = _positions[j];
            offset += p[p.Length == 1 ? 0 : k] * _axisStrides[j];
        }
        return offset;
    }

    /// <summary>The entries selecting position <paramref name="k"/> of the L axis: every array replaced by its k-th entry.</summary>
    public TensorIndex[] Basic(int k)
    {
        var basic = new TensorIndex[_indices.Length];
        for (int a = 0; a < basic.Length; a++) basic[a] = _indices[a].At(k);
        return basic;
    }

    /// <summary>The entries selecting position <paramref name="k"/> of the L axis in a tensor of <see cref="Dims"/>.</summary>
    public TensorIndex[] Slot(int k)
    {
        var slot = new TensorIndex[Axis + 1];
        for (int a = 0; a < Axis; a++) slot[a] = Range.All;
        slot[Axis] = k;
        return slot;
    }

    /// <summary>The strides of a tensor of <see cref="Dims"/> without the L axis: those of each slot.</summary>
    public int[] SlotStrides(Tensor t)
    {
        var s = new int[t.NDim - 1];
        for (int a = 0, j = 0; a < t.NDim; a++) if (a != Axis) s[j++] = t.Strides[a];
        return s;
    }

    private static int[] Resolve(TensorIndex entry, int axis, int size, int length)
    {
        if (entry.Kind == TensorIndexKind.Position) return [entry.Resolve(axis, size)];
        var positions = entry.Positions;
        var resolved = new int[positions.Length == 1 ? 1 : length];
        for (int k = 0; k < resolved.Length; k++) resolved[k] = ((TensorIndex)positions[k]).Resolve(axis, size);
        return resolved;
    }

    private static int Broadcast(int length, int n, TensorIndex[] indices)
    {
        if (n == length || n == 1) return length;
        if (length == 1) return n;
        var shapes = indices.Where(ix => ix.Kind == TensorIndexKind.Positions).Select(ix => $"({ix.Positions.Length},)");
        throw new IndexOutOfRangeException($"shape mismatch: indexing arrays could not be broadcast together with shapes {string.Join(" ", shapes)}");
    }
}
