using NotebookNN.Tensors;

namespace NotebookNN.Learn;

/// <summary>Rows of a sample tensor picked by index, as scikit-learn's <c>_safe_indexing</c> does for the splits and folds.</summary>
internal static class RowSelection
{
    /// <summary>The rows of a tensor at the given indices (along axis 0), as a new tensor.</summary>
    internal static Tensor Rows(Tensor t, int[] rows)
    {
        ReadOnlySpan<float> src = t.Contiguous().Span;
        int row = t.Size / Math.Max(1, t.Shape[0]);
        var dst = new float[rows.Length * row];
        for (int i = 0; i < rows.Length; i++) src.Slice(rows[i] * row, row).CopyTo(dst.AsSpan(i * row, row));
        var dims = t.Shape.ToArray();
        dims[0] = rows.Length;
        return Tensor.Adopt(dst, dims);
    }
}
