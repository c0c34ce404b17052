using System.Runtime.CompilerServices;

namespace NotebookNN.Tensors;

public partial class Tensor
{
    // Indexers are named "Slice" in metadata because the default name "Item" is taken by numpy's Item().
    /// <summary>
    /// Position <paramref name="index"/> along the first axis, dropping that axis: <c>xTrain[4]</c> is one image.
    /// Negative values count from the end. A view sharing storage, not a copy.
    /// </summary>
    /// <exception cref="IndexOutOfRangeException">"index 10 is out of bounds for axis 0 with size 5".</exception>
    [IndexerName("Slice")]
    public Tensor this[int index] { get => Select([index]); set => Assign([index], value); }

    /// <summary>Position along the first axis as a C# index: <c>x[^1]</c> is the last row. A view.</summary>
    [IndexerName("Slice")]
    public Tensor this[Index index] { get => Select([index]); set => Assign([index], value); }

    /// <summary>
    /// A slice of the first axis: <c>x[..5000]</c>, <c>x[5000..]</c>. A view sharing storage. Bounds are clamped
    /// like a numpy slice (<c>x[..10]</c> of 5 rows is all 5 rows), so slicing never throws.
    /// </summary>
    [IndexerName("Slice")]
    public Tensor this[Range range] { get => Select([range]); set => Assign([range], value); }

    /// <summary>
    /// Indexes several axes at once, numpy-style: <c>x[.., 1..3]</c>, <c>x[0, 1]</c>, <c>x[2.., ..4, 1]</c>.
    /// Integers drop their axis, ranges keep it; axes not mentioned are kept whole. A view sharing storage.
    /// An <c>int[]</c> entry picks those positions along its axis (numpy's integer-array index): a copy.
    /// Assigning writes numpy's setitem (see <see cref="Assign"/>): <c>results[i, sequence] = 1.0</c>.
    /// </summary>
    [IndexerName("Slice")]
    public Tensor this[params TensorIndex[] indices] { get => Select(indices); set => Assign(indices, value); }

    private Tensor Select(TensorIndex[] indices)
    {
        if (AdvancedIndex.Applies(indices)) return Gather(new AdvancedIndex(this, indices));
        var view = View(indices);
        GradientTape.Record(view, this, g =>
        {
            var dx = NewZeros(Dims);
            CopyElements(g, dx.View(indices));
            return dx;
        });
        return view;
    }

    /// <summary>The view selected by <paramref name="indices"/> (not recorded on a tape).</summary>
    internal Tensor View(ReadOnlySpan<TensorIndex> indices)
    {
        int rank = Dims.Length;
        if (indices.Length > rank)
            throw new IndexOutOfRangeException($"too many indices for tensor: tensor is {rank}-dimensional, but {indices.Length} were indexed (shape {Shape})");
        int kept = rank;
        foreach (var ix in indices) if (ix.Kind == TensorIndexKind.Position) kept--;
        Span<int> dims = stackalloc int[kept];
        Span<int> strides = stackalloc int[kept];
        int offset = Offset, k = 0;
        for (int a = 0; a < rank; a++)
        {
            if (a < indices.Length && indices[a].Kind == TensorIndexKind.Position)
            {
                offset += indices[a].Resolve(a, Dims[a]) * Strides[a];
                continue;
            }
            var (start, length) = a < indices.Length ? indices[a].Clamp(Dims[a]) : (0, Dims[a]);
            offset += start * Strides[a];
            dims[k] = length;
            strides[k++] = Strides[a];
        }
        return View(Data, offset, dims, strides);
    }

    /// <summary>The view of positions [start, start + length) along <paramref name="axis"/> (not recorded).</summary>
    internal Tensor AxisView(int axis, int start, int length)
    {
        Span<int> dims = stackalloc int[Dims.Length];
        Dims.CopyTo(dims);
        dims[axis] = length;
        return View(Data, Offset + start * Strides[axis], dims, Strides);
    }
}
