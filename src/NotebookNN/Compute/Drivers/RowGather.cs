using System.Numerics.Tensors;
using System.Runtime.Intrinsics.X86;
using NotebookNN.Compute.Threading;

namespace NotebookNN.Compute.Drivers;

/// <summary>
/// Gather and scatter-add of rows. The source is viewed as (outer, size, inner) and indexed along the middle
/// axis; each selected row is one contiguous block of <c>inner</c> floats, and runs of consecutive indices
/// (idx[j+1] == idx[j] + 1, e.g. an unshuffled batch) are merged into a single block copy.
/// </summary>
internal static class RowGather
{
    /// <summary>dst[o, j, :] = src[o, idx[j], :]; indices must already lie in [0, size). From
    /// <see cref="ParallelThresholds.GatherBytes"/> both cores copy, half the rows each.</summary>
    public static unsafe void Gather(ReadOnlySpan<float> src, Span<float> dst, ReadOnlySpan<int> idx, int outer, int size, int inner)
    {
        int n = idx.Length;
        fixed (float* ps = src, pd = dst)
        fixed (int* pi = idx)
        {
            if (outer == 1 && (long)n * inner * sizeof(float) >= ParallelThresholds.GatherBytes && ComputePool.Workers > 1 && n >= 2)
            {
                var body = new Halves { Src = ps, Dst = pd, Idx = pi, N = n, Inner = inner, Parts = 2 };
                ComputePool.For(2, ref body);
                return;
            }
            for (int o = 0; o < outer; o++) Copy(ps + (nint)o * size * inner, pd + (nint)o * n * inner, pi, 0, n, inner);
        }
    }

    /// <summary>Rows [j0, j1) of one outer slice; runs of consecutive indices are one block copy, and the next row's
    /// cache lines are requested while the current one is copied (random rows defeat the hardware prefetcher).</summary>
    private static unsafe void Copy(float* src, float* dst, int* idx, int j0, int j1, int inner)
    {
        nint rowBytes = (nint)inner * sizeof(float);
        for (int j = j0; j < j1;)
        {
            int run = 1;
            while (j + run < j1 && idx[j + run] == idx[j] + run) run++;
            if (j + run < j1 && Sse.IsSupported)
            {
                byte* next = (byte*)(src + (nint)idx[j + run] * inner);
                for (nint b = 0; b < rowBytes; b += 64) Sse.Prefetch0(next + b);
            }
            Buffer.MemoryCopy(src + (nint)idx[j] * inner, dst + (nint)j * inner, rowBytes * run, rowBytes * run);
            j += run;
        }
    }

    private unsafe struct Halves : IParallelBody
    {
        public float* Src, Dst;
        public int* Idx;
        public int N, Inner, Parts;

        public readonly void Invoke(int part) => Copy(Src, Dst, Idx, N * part / Parts, N * (part + 1) / Parts, Inner);
    }

    /// <summary>dst[o, idx[j], :] += g[o, j, :]; repeated indices accumulate.</summary>
    public static void ScatterAdd(ReadOnlySpan<float> g, Span<float> dst, ReadOnlySpan<int> idx, int outer, int size, int inner)
    {
        int n = idx.Length;
        for (int o = 0; o < outer; o++)
            for (int j = 0; j < n; j++)
            {
                var row = dst.Slice((o * size + idx[j]) * inner, inner);
                TensorPrimitives.Add(row, g.Slice((o * n + j) * inner, inner), row);
            }
    }
}
