using System.Buffers;
using System.Numerics.Tensors;

namespace NotebookNN.Compute.Normalization;

/// <summary>
/// Per-channel sums Σa and Σa·b over a tensor in <see cref="ChannelLayout"/>, in float64. Channels-last rows are added
/// as vectors into float partial sums of at most <see cref="Block"/> rows, each block then added in float64, so the
/// float rounding stays that of a short sum.
/// </summary>
internal static class ChannelSums
{
    private const int Block = 64;

    /// <summary>sumA[c] = Σ a over channel c; sumAB[c] = Σ a·b.</summary>
    public static void Run(ReadOnlySpan<float> a, ReadOnlySpan<float> b, in ChannelLayout layout, Span<double> sumA, Span<double> sumAB)
    {
        int channels = layout.Channels;
        sumA[..channels].Clear();
        sumAB[..channels].Clear();
        if (layout.Inner == 1) { Rows(a, b, layout.Outer, channels, sumA, sumAB); return; }
        for (int o = 0; o < layout.Outer; o++)
            for (int c = 0; c < channels; c++)
            {
                int start = (o * channels + c) * layout.Inner;
                var sa = a.Slice(start, layout.Inner);
                sumA[c] += TensorPrimitives.Sum(sa);
                sumAB[c] += TensorPrimitives.Dot(sa, b.Slice(start, layout.Inner));
            }
    }

    private static void Rows(ReadOnlySpan<float> a, ReadOnlySpan<float> b, int rows, int channels, Span<double> sumA, Span<double> sumAB)
    {
        var pool = ArrayPool<float>.Shared;
        float[] partA = pool.Rent(channels), partAB = pool.Rent(channels), product = pool.Rent(channels);
        try
        {
            for (int start = 0; start < rows; start += Block)
            {
                Span<float> pa = partA.AsSpan(0, channels), pab = partAB.AsSpan(0, channels), prod = product.AsSpan(0, channels);
                pa.Clear();
                pab.Clear();
                for (int r = start; r < Math.Min(rows, start + Block); r++)
                {
                    var ra = a.Slice(r * channels, channels);
                    TensorPrimitives.Add(pa, ra, pa);
                    TensorPrimitives.Multiply(ra, b.Slice(r * channels, channels), prod);
                    TensorPrimitives.Add(pab, prod, pab);
                }
                for (int c = 0; c < channels; c++) { sumA[c] += pa[c]; sumAB[c] += pab[c]; }
            }
        }
        finally
        {
            pool.Return(partA);
            pool.Return(partAB);
            pool.Return(product);
        }
    }
}
