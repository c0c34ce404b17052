using System.Numerics.Tensors;

namespace NotebookNN.Compute.Normalization;

/// <summary>y = a·scale[c] + (b·scale2[c] when given) + shift[c] per channel, over a tensor in <see cref="ChannelLayout"/>.</summary>
internal static class ChannelAffine
{
    /// <summary>y = x·scale[c] + shift[c].</summary>
    public static void Run(ReadOnlySpan<float> x, ReadOnlySpan<float> scale, ReadOnlySpan<float> shift, in ChannelLayout layout, Span<float> y)
    {
        int channels = layout.Channels;
        if (layout.Inner == 1)
        {
            scale = scale[..channels];
            shift = shift[..channels];
            for (int o = 0; o < layout.Outer; o++)
                TensorPrimitives.FusedMultiplyAdd(x.Slice(o * channels, channels), scale, shift, y.Slice(o * channels, channels));
            return;
        }
        for (int o = 0; o < layout.Outer; o++)
            for (int c = 0; c < channels; c++)
            {
                int start = (o * channels + c) * layout.Inner;
                var segment = y.Slice(start, layout.Inner);
                TensorPrimitives.Multiply(x.Slice(start, layout.Inner), scale[c], segment);
                TensorPrimitives.Add(segment, shift[c], segment);
            }
    }

    /// <summary>y = a·scaleA[c] + b·scaleB[c] + shift[c] (the batch-norm input gradient: dy, x and a per-channel constant).</summary>
    public static void Run(ReadOnlySpan<float> a, ReadOnlySpan<float> scaleA, ReadOnlySpan<float> b, ReadOnlySpan<float> scaleB,
        ReadOnlySpan<float> shift, in ChannelLayout layout, Span<float> y)
    {
        Run(b, scaleB, shift, layout, y);
        int channels = layout.Channels;
        if (layout.Inner == 1)
        {
            scaleA = scaleA[..channels];
            for (int o = 0; o < layout.Outer; o++)
            {
                var row = y.Slice(o * channels, channels);
                TensorPrimitives.FusedMultiplyAdd(a.Slice(o * channels, channels), scaleA, row, row);
            }
            return;
        }
        for (int o = 0; o < layout.Outer; o++)
            for (int c = 0; c < channels; c++)
            {
                int start = (o * channels + c) * layout.Inner;
                var seg = y.Slice(start, layout.Inner);
                TensorPrimitives.FusedMultiplyAdd(a.Slice(start, layout.Inner), scaleA[c], seg, seg);
            }
    }
}
