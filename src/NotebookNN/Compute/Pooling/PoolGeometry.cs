namespace NotebookNN.Compute.Pooling;

/// <summary>
/// The layout of a 2-D pooling over a channels-last batch (batch, height, width, channels): window, strides, output
/// size and the padding before the first row and column. "same" follows TensorFlow's rule: out = ⌈in / stride⌉,
/// pad_total = max((out − 1)·stride + pool − in, 0), of which ⌊pad_total / 2⌋ goes before (the extra one after).
/// </summary>
internal readonly record struct PoolGeometry(
    int Batch, int Height, int Width, int Channels,
    int PoolH, int PoolW, int StrideH, int StrideW,
    int OutH, int OutW, int PadTop, int PadLeft)
{
    /// <summary>The geometry of pooling a (batch, height, width, channels) input.</summary>
    public static PoolGeometry Of(ReadOnlySpan<int> dims, int poolH, int poolW, int strideH, int strideW, bool same) => new(
        dims[0], dims[1], dims[2], dims[3], poolH, poolW, strideH, strideW,
        OutputSize(dims[1], poolH, strideH, same), OutputSize(dims[2], poolW, strideW, same),
        PadBefore(dims[1], poolH, strideH, same), PadBefore(dims[2], poolW, strideW, same));

    /// <summary>Output length of one spatial axis: ⌈in / stride⌉ for "same", ⌊(in − pool) / stride⌋ + 1 for "valid"
    /// (negative or zero when the window does not fit).</summary>
    public static int OutputSize(int input, int pool, int stride, bool same) =>
        same ? (input + stride - 1) / stride : (int)Math.Floor((input - pool) / (double)stride) + 1;

    /// <summary>Padding before the first element of one spatial axis (0 for "valid").</summary>
    public static int PadBefore(int input, int pool, int stride, bool same) =>
        same ? Math.Max((OutputSize(input, pool, stride, true) - 1) * stride + pool - input, 0) / 2 : 0;

    /// <summary>True when windows never overlap (stride ≥ pool on both axes): each input cell is in at most one window.</summary>
    public bool Disjoint => StrideH >= PoolH && StrideW >= PoolW;

    /// <summary>Scalar work of one pass: every window cell of every channel.</summary>
    public long Work => (long)Batch * OutH * OutW * Channels * PoolH * PoolW;

    /// <summary>The input rows [start, end) of output row <paramref name="oh"/>, clipped to the input.</summary>
    public (int Start, int End) Rows(int oh)
    {
        int h0 = oh * StrideH - PadTop;
        return (Math.Max(h0, 0), Math.Min(h0 + PoolH, Height));
    }

    /// <summary>The input columns [start, end) of output column <paramref name="ow"/>, clipped to the input.</summary>
    public (int Start, int End) Cols(int ow)
    {
        int w0 = ow * StrideW - PadLeft;
        return (Math.Max(w0, 0), Math.Min(w0 + PoolW, Width));
    }
}
