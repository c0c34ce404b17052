using System.Numerics.Tensors;
using NotebookNN.Kernels.Threading;

namespace NotebookNN;

/// <summary>
/// The sum behind Fit's finite-data check, split across the cores for large inputs: Fit scans all of x on every call,
/// and a tutorial that calls Fit once per epoch on 55,000 × 784 floats (172 MB) paid ~10-17 ms a call on one core.
/// </summary>
internal static unsafe class FiniteScan
{
    /// <summary>From this many floats the halves are summed on two cores (4 MB: well above a hand-off's cost).</summary>
    internal const int ParallelMinLength = 1 << 20;

    /// <summary>Σ span (a NaN or infinity anywhere makes it non-finite; only finiteness is used).</summary>
    public static float Sum(ReadOnlySpan<float> span)
    {
        if (span.Length < ParallelMinLength || ComputePool.Workers < 2) return TensorPrimitives.Sum(span);
        int parts = ComputePool.Workers;
        var sums = stackalloc float[parts];
        fixed (float* p = span)
        {
            var body = new Parts { Data = p, Length = span.Length, Count = parts, Sums = sums };
            ComputePool.For(parts, ref body);
        }
        float total = 0;
        for (int i = 0; i < parts; i++) total += sums[i];
        return total;
    }

    private struct Parts : IParallelBody
    {
        public float* Data, Sums;
        public int Length, Count;

        public readonly void Invoke(int i)
        {
            int start = (int)((long)Length * i / Count), end = (int)((long)Length * (i + 1) / Count);
            Sums[i] = TensorPrimitives.Sum(new ReadOnlySpan<float>(Data + start, end - start));
        }
    }
}
