using System.Buffers;
using System.Numerics.Tensors;
using NotebookNN.Compute.Drivers;

namespace NotebookNN.Compute.Ops;

/// <summary>
/// Row loops of the fused softmax cross-entropy ops over a row-major (rows, classes) block of logits.
/// Forward keeps one log-sum-exp per row so backward writes (softmax − target)·g into the gradient in one
/// sweep per row without recomputing the max. No allocation beyond a pooled scratch row for wide rows.
/// </summary>
internal static class CrossEntropyRows
{
    /// <summary>Index of the first label that is not a whole number in [0, classes), or −1.</summary>
    public static int FirstInvalidLabel(ReadOnlySpan<float> labels, int classes)
    {
        for (int i = 0; i < labels.Length; i++)
        {
            float v = labels[i];
            if (!(v >= 0f && v < classes) || v != MathF.Floor(v)) return i;
        }
        return -1;
    }

    /// <summary>loss[i] = lse_i − x[i, label_i]; lse[i] kept for the backward pass.</summary>
    public static void SparseForward(ReadOnlySpan<float> x, int classes, ReadOnlySpan<float> labels, Span<float> loss, Span<float> lse)
    {
        float[]? rented = classes > 1024 ? ArrayPool<float>.Shared.Rent(classes) : null;
        Span<float> scratch = rented is null ? stackalloc float[classes] : rented.AsSpan(0, classes);
        int done = CrossEntropySmallRows.Applies(classes) ? CrossEntropySmallRows.SparseForward(x, classes, labels, loss, lse) : 0;
        for (int i = done; i < loss.Length; i++)
        {
            var row = x.Slice(i * classes, classes);
            lse[i] = SoftmaxRows.LogSumExp(row, scratch, out float m, out float logSum);
            loss[i] = (m - row[(int)labels[i]]) + logSum;
        }
        if (rented is not null) ArrayPool<float>.Shared.Return(rented);
    }

    /// <summary>dx[i, :] = (exp(x[i, :] − lse_i) − onehot(label_i))·g_i.</summary>
    public static void SparseBackward(ReadOnlySpan<float> x, int classes, ReadOnlySpan<float> labels, ReadOnlySpan<float> lse,
        ReadOnlySpan<float> g, Span<float> dx)
    {
        if (CrossEntropySmallRows.Applies(classes)) { CrossEntropySmallRows.SparseBackward(x, classes, labels, lse, g, dx); return; }
        for (int i = 0; i < g.Length; i++)
        {
            var row = dx.Slice(i * classes, classes);
            BinaryDriver.Run<ExpSubOp>(x.Slice(i * classes, classes), lse[i], row);
            BinaryDriver.Run<MulOp>(row, g[i], row);
            row[(int)labels[i]] -= g[i];
        }
    }

    /// <summary>loss[i] = lse_i·Σz_i − Σ z_i·x_i (= −Σ z·log softmax x); lse and Σz kept for backward.</summary>
    public static void DenseForward(ReadOnlySpan<float> x, ReadOnlySpan<float> z, int classes, Span<float> loss, Span<float> lse, Span<float> zSum)
    {
        float[]? rented = classes > 1024 ? ArrayPool<float>.Shared.Rent(classes) : null;
        Span<float> scratch = rented is null ? stackalloc float[classes] : rented.AsSpan(0, classes);
        int done = CrossEntropySmallRows.Applies(classes) ? CrossEntropySmallRows.DenseForward(x, z, classes, loss, lse, zSum) : 0;
        for (int i = done; i < loss.Length; i++)
        {
            var row = x.Slice(i * classes, classes);
            var target = z.Slice(i * classes, classes);
            lse[i] = SoftmaxRows.LogSumExp(row, scratch, out float m, out float logSum);
            zSum[i] = ReduceDriver.Aggregate<IdentityOp, AddOp>(target);
            // Σ z·(lse − x) = Σz·(m + logSum) − Σ z·x, regrouped as Σz·logSum + Σ z·(m − x) to keep precision.
            loss[i] = zSum[i] * logSum + (m * zSum[i] - TensorPrimitives.Dot(target, row));
        }
        if (rented is not null) ArrayPool<float>.Shared.Return(rented);
    }

    /// <summary>dx[i, :] = (softmax(x_i)·Σz_i − z_i)·g_i.</summary>
    public static void DenseBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> z, int classes, ReadOnlySpan<float> lse,
        ReadOnlySpan<float> zSum, ReadOnlySpan<float> g, Span<float> dx)
    {
        if (CrossEntropySmallRows.Applies(classes)) { CrossEntropySmallRows.DenseBackward(x, z, classes, lse, zSum, g, dx); return; }
        for (int i = 0; i < g.Length; i++)
        {
            var row = dx.Slice(i * classes, classes);
            BinaryDriver.Run<ExpSubOp>(x.Slice(i * classes, classes), lse[i], row);
            BinaryDriver.Run<MulOp>(row, g[i] * zSum[i], row);
            TensorPrimitives.MultiplyAdd(z.Slice(i * classes, classes), -g[i], row, row);
        }
    }
}
