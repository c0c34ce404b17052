namespace NotebookNN.Tensors;

/// <summary>
/// A tensor of rank ≥ 2 seen as a stack of matrices for <see cref="Compute.Gemm.Gemm"/>: logical matrices
/// <see cref="Rows"/> × <see cref="Cols"/>, stored row-major with leading dimension <see cref="Ld"/>, or stored
/// transposed (<see cref="Trans"/>, as a transposed view is), plus batch dims and their strides. Views whose last
/// two axes have neither layout are copied with <see cref="Tensor.Contiguous"/>.
/// </summary>
internal readonly struct GemmOperand
{
    public readonly float[] Data;
    public readonly int Offset, Rows, Cols, Ld;
    public readonly bool Trans;
    public readonly int[] BatchDims, BatchStrides;

    private GemmOperand(float[] data, int offset, int rows, int cols, int ld, bool trans, int[] batchDims, int[] batchStrides)
    {
        Data = data; Offset = offset; Rows = rows; Cols = cols; Ld = ld; Trans = trans;
        BatchDims = batchDims; BatchStrides = batchStrides;
    }

    /// <summary>The operand for tensor <paramref name="t"/> (rank ≥ 2), without copying when its layout allows.</summary>
    public static GemmOperand From(Tensor t)
    {
        int r = t.NDim, rows = t.Dims[r - 2], cols = t.Dims[r - 1];
        // a unit axis may carry any stride: give it the one that makes the layout plain
        int rs = rows == 1 ? Math.Max(1, cols) : t.Strides[r - 2], cs = cols == 1 ? 1 : t.Strides[r - 1];
        var batch = t.Dims[..(r - 2)];
        var batchStrides = t.Strides[..(r - 2)];
        if (cs == 1 && rs >= Math.Max(1, cols)) return new(t.Data, t.Offset, rows, cols, rs, false, batch, batchStrides);
        int rsT = rows == 1 ? 1 : t.Strides[r - 2], csT = cols == 1 ? Math.Max(1, rows) : t.Strides[r - 1];
        if (rsT == 1 && csT >= Math.Max(1, rows)) return new(t.Data, t.Offset, rows, cols, csT, true, batch, batchStrides);
        var c = t.Contiguous();
        return new(c.Data, c.Offset, rows, cols, Math.Max(1, cols), false, batch, c.Strides[..(r - 2)]);
    }

    /// <summary>A contiguous (batch..., rows, cols) buffer as an operand.</summary>
    public static GemmOperand Dense(float[] data, int[] batchDims, int rows, int cols) =>
        new(data, 0, rows, cols, Math.Max(1, cols), false, batchDims,
            batchDims.Length == 0 ? [] : Tensor.ContiguousStrides([.. batchDims, rows * cols])[..batchDims.Length]);

    /// <summary>The transposed operand (same storage).</summary>
    public GemmOperand T() => new(Data, Offset, Cols, Rows, Ld, !Trans, BatchDims, BatchStrides);

    /// <summary>The single matrix at <paramref name="batchOffset"/> elements into the batch.</summary>
    public GemmOperand At(int batchOffset) => new(Data, Offset + batchOffset, Rows, Cols, Ld, Trans, [], []);

    /// <summary>Number of matrices in the batch.</summary>
    public int BatchCount { get { int n = 1; foreach (var d in BatchDims) n *= d; return n; } }

    /// <summary>
    /// The batch folded into one matrix along its stored rows: (batch·Rows) × Cols when not transposed, Rows ×
    /// (batch·Cols) when transposed. Possible when each batch axis steps exactly over the stored rows before it.
    /// </summary>
    public bool TryMergeBatch(out GemmOperand merged)
    {
        merged = this;
        long expected = (long)(Trans ? Cols : Rows) * Ld;
        for (int i = BatchDims.Length - 1; i >= 0; i--)
        {
            if (BatchDims[i] != 1 && BatchStrides[i] != expected) return false;
            expected *= BatchDims[i];
        }
        int count = BatchCount;
        merged = Trans
            ? new(Data, Offset, Rows, Cols * count, Ld, true, [], [])
            : new(Data, Offset, Rows * count, Cols, Ld, false, [], []);
        return true;
    }
}
