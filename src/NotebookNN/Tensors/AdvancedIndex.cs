namespace NotebookNN;

/// <summary>
/// numpy's integer-array indexing for 1-D index arrays: the arrays (and any integers beside them) broadcast together
/// to a length L, and the selection's dims are the kept (range and unmentioned) axes with one axis of length L put
/// where the first array or integer stands when those entries are adjacent, and first otherwise (numpy's rule).
/// Position k of that axis is the basic view <see cref="Basic"/>(k) of the tensor.
/// </summary>
internal sealed class AdvancedIndex
{
    private readonly TensorIndex[] _indices;

    /// <summary>L: how many positions the arrays select.</summary>
    public int Length { get; }
    /// <summary>Where the L axis stands in <see cref="Dims"/>.</summary>
    public int Axis { get; }
    /// <summary>The dims of the selection.</summary>
    public int[] Dims { get; }

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
        int length = 1, first = -1, last = -1, count = 0;
        var kept = new List<int>();
        for (int a = 0; a < rank; a++)
        {
            var kind = a < indices.Length ? indices[a].Kind : TensorIndexKind.Range;
            if (kind == TensorIndexKind.Range)
            {
                kept.Add(a < indices.Length ? indices[a].Clamp(x.Shape[a]).Length : x.Shape[a]);
                continue;
            }
            if (first < 0) first = a;
            last = a;
            count++;
            if (kind == TensorIndexKind.Positions) length = Broadcast(length, indices[a].Positions.Length, indices);
        }
        Length = length;
        Axis = last - first + 1 == count ? first : 0; // the axes before the first array entry are all kept ones
        kept.Insert(Axis, length);
        Dims = [.. kept];
        for (int k = 0; k < length; k++) // numpy checks every position before reading or writing any
            for (int a = 0; a < indices.Length; a++)
                if (indices[a].Kind != TensorIndexKind.Range) indices[a].At(k).Resolve(a, x.Shape[a]);
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

    private static int Broadcast(int length, int n, TensorIndex[] indices)
    {
        if (n == length || n == 1) return length;
        if (length == 1) return n;
        var shapes = indices.Where(ix => ix.Kind == TensorIndexKind.Positions).Select(ix => $"({ix.Positions.Length},)");
        throw new IndexOutOfRangeException($"shape mismatch: indexing arrays could not be broadcast together with shapes {string.Join(" ", shapes)}");
    }
}
