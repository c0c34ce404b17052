using NotebookNN.Kernels.Drivers;

namespace NotebookNN.Kernels.Ops;

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

    /// <summary>Softmax (or log-softmax) of every row of a row-major (rows, cols) block.</summary>
    public static void AllRows(ReadOnlySpan<float> x, int cols, Span<float> dst, bool log)
    {
        for (int start = 0; start < x.Length; start += cols)
        {
            if (log) LogSoftmax(x.Slice(start, cols), dst.Slice(start, cols));
            else Softmax(x.Slice(start, cols), dst.Slice(start, cols));
        }
    }
}
