using System.Numerics.Tensors;

namespace NotebookNN.Kernels.Drivers;

/// <summary>
/// Gather and scatter-add of rows. The source is viewed as (outer, size, inner) and indexed along the middle
/// axis; each selected row is one contiguous block of <c>inner</c> floats, and runs of consecutive indices
/// (idx[j+1] == idx[j] + 1, e.g. an unshuffled batch) are merged into a single block copy.
/// </summary>
internal static class RowGather
{
    /// <summary>dst[o, j, :] = src[o, idx[j], :]; indices must already lie in [0, size).</summary>
    public static void Gather(ReadOnlySpan<float> src, Span<float> dst, ReadOnlySpan<int> idx, int outer, int size, int inner)
    {
        int n = idx.Length;
        for (int o = 0; o < outer; o++)
        {
            for (int j = 0; j < n;)
            {
                int run = 1;
                while (j + run < n && idx[j + run] == idx[j] + run) run++;
                src.Slice((o * size + idx[j]) * inner, run * inner).CopyTo(dst.Slice((o * n + j) * inner, run * inner));
                j += run;
            }
        }
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
