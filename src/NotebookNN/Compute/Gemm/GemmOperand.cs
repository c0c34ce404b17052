namespace NotebookNN.Compute.Gemm;

/// <summary>
/// A stack of matrices for <see cref="Gemm"/> (a tensor of rank ≥ 2 gives one with <c>Tensor.AsGemmOperand</c>):
/// logical matrices <see cref="Rows"/> × <see cref="Cols"/>, stored row-major with leading dimension <see cref="Ld"/>,
/// or stored transposed (<see cref="Trans"/>, as a transposed view is), plus batch dims and their strides.
/// </summary>
internal readonly struct GemmOperand
{
    public readonly float[] Data;
    public readonly int Offset, Rows, Cols, Ld;
    public readonly bool Trans;
    public readonly int[] BatchDims, BatchStrides;

    internal GemmOperand(float[] data, int offset, int rows, int cols, int ld, bool trans, int[] batchDims, int[] batchStrides)
    {
        Data = data; Offset = offset; Rows = rows; Cols = cols; Ld = ld; Trans = trans;
        BatchDims = batchDims; BatchStrides = batchStrides;
    }

    /// <summary>A contiguous (batch..., rows, cols) buffer as an operand.</summary>
    public static GemmOperand Dense(float[] data, int[] batchDims, int rows, int cols) =>
        new(data, 0, rows, cols, Math.Max(1, cols), false, batchDims,
            DenseBatchStrides(batchDims, rows * cols));

    /// <summary>Element strides of the batch axes of a contiguous (batch..., matrix) buffer.</summary>
    public static int[] DenseBatchStrides(int[] batchDims, int matrixSize)
    {
        if (batchDims.Length == 0) return [];
        var strides = new int[batchDims.Length];
        for (int i = batchDims.Length - 1, step = matrixSize; i >= 0; step *= batchDims[i], i--) strides[i] = step;
        return strides;
    }

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
