namespace NotebookNN.Compute.Normalization;

/// <summary>
/// A contiguous tensor seen as (outer, channels, inner) around one channel axis: element (o, c, i) at
/// (o·channels + c)·inner + i. Channels-last data (the usual case) has inner = 1.
/// </summary>
internal readonly record struct ChannelLayout(int Outer, int Channels, int Inner)
{
    public static ChannelLayout Of(ReadOnlySpan<int> dims, int axis)
    {
        int outer = 1, inner = 1;
        for (int d = 0; d < axis; d++) outer *= dims[d];
        for (int d = axis + 1; d < dims.Length; d++) inner *= dims[d];
        return new(outer, dims[axis], inner);
    }

    /// <summary>Values per channel.</summary>
    public long Count => (long)Outer * Inner;
}
