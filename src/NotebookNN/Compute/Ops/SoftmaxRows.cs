using NotebookNN.Compute.Drivers;
using NotebookNN.Compute.Threading;

namespace NotebookNN.Compute.Ops;

/// <summary>
/// Numerically stable softmax pieces for one contiguous row, built from driver calls (max, exp(x − m), sum):
/// shared by <c>Tensor.Softmax</c>/<c>LogSoftmax</c> and the fused cross-entropy ops.
/// </summary>
internal static class SoftmaxRows
{
    /// <summary>log Σ exp(row) = max + logSum without overflow; <paramref name="scratch"/> (row's length) receives
    /// exp(row − max). Returns −inf for an all −inf row and NaN when the row holds NaN. Callers subtract
    /// (x − max) − logSum rather than x − lse: x − max is exact, so large logits keep their precision.</summary>
    public static float LogSumExp(ReadOnlySpan<float> row, Span<float> scratch, out float max, out float logSum)
    {
        float m = ReduceDriver.Aggregate<IdentityOp, MaxOp>(row);
        max = m;
        if (!float.IsFinite(m))
        {
            BinaryDriver.Run<ExpSubOp>(row, float.IsNegativeInfinity(m) ? 0f : m, scratch);
            logSum = 0f;
            return m;
        }
        BinaryDriver.Run<ExpSubOp>(row, m, scratch);
        logSum = MathF.Log(ReduceDriver.Aggregate<IdentityOp, AddOp>(scratch));
        return m + logSum;
    }

    /// <summary>dst = softmax(row) (dst may be the row itself).</summary>
    public static void Softmax(ReadOnlySpan<float> row, Span<float> dst)
    {
        float m = ReduceDriver.Aggregate<IdentityOp, MaxOp>(row);
        BinaryDriver.Run<ExpSubOp>(row, m, dst);
        float sum = ReduceDriver.Aggregate<IdentityOp, AddOp>(dst);
        BinaryDriver.Run<MulOp>(dst, 1f / sum, dst);
    }

    /// <summary>dst = (row − max) − log Σ exp(row − max) (dst may be the row itself).</summary>
    public static void LogSoftmax(ReadOnlySpan<float> row, Span<float> dst)
    {
        LogSumExp(row, dst, out float m, out float logSum);
        BinaryDriver.Run<SubOp>(row, m, dst);
        BinaryDriver.Run<SubOp>(dst, logSum, dst);
    }

    /// <summary>Softmax (or log-softmax) of every row of a row-major (rows, cols) block; large blocks are split
    /// by rows across the cores (rows are independent, so the result does not depend on the split).</summary>
    public static unsafe void AllRows(ReadOnlySpan<float> x, int cols, Span<float> dst, bool log)
    {
        int rows = x.Length / cols;
        int rowsPerItem = Math.Max(1, ParallelThresholds.ChunkElements / cols);
        int items = (rows + rowsPerItem - 1) / rowsPerItem;
        fixed (float* px = x, pd = dst)
        {
            var body = new RowsBody { X = px, D = pd, Cols = cols, Rows = rows, RowsPerItem = rowsPerItem, Log = log };
            // Rows of ParallelThreshold or more split themselves inside the drivers; never nest parallel loops.
            if (x.Length < ParallelThresholds.Elementwise || cols >= ParallelThresholds.Elementwise)
                for (int i = 0; i < items; i++) body.Invoke(i);
            else ComputePool.For(items, ref body);
        }
    }

    private unsafe struct RowsBody : IParallelBody
    {
        public float* X, D;
        public int Cols, Rows, RowsPerItem;
        public bool Log;
        public void Invoke(int item)
        {
            int end = Math.Min(Rows, (item + 1) * RowsPerItem);
            for (int r = item * RowsPerItem; r < end; r++)
            {
                var row = new ReadOnlySpan<float>(X + (long)r * Cols, Cols);
                var dst = new Span<float>(D + (long)r * Cols, Cols);
                if (Log) LogSoftmax(row, dst); else Softmax(row, dst);
            }
        }
    }
}
