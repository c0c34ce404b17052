namespace NotebookNN.Compute.Pooling;

/// <summary>
/// What a pooling computes for one window over every channel; <see cref="PoolDriver"/> walks the windows. Offsets are
/// in floats: <c>sample</c> is the first element of the window's sample (in the input, or in the input's
/// gradient), <c>output</c> the window's output cell (channel 0).
/// </summary>
internal unsafe interface IPoolWindow<TSelf> where TSelf : struct, IPoolWindow<TSelf>
{
    /// <summary>Whether the forward pass under a tape keeps a per-output index for the backward (max pooling's argmax).</summary>
    static virtual bool UsesIndex => false;

    /// <summary>A window over the input <paramref name="x"/> and output <paramref name="y"/> (forward), with the output
    /// gradient <paramref name="dy"/> and the input gradient <paramref name="dx"/> (backward; null forward), and the
    /// per-output <paramref name="index"/> (output-sized; null unless <see cref="UsesIndex"/> and a tape records).</summary>
    static abstract TSelf Create(float* x, float* y, float* index, float* dy, float* dx, in PoolGeometry geometry);

    /// <summary>Forward: writes the window's result for every channel at <paramref name="output"/>.</summary>
    void Forward(long sample, long output, int rowStart, int rowEnd, int colStart, int colEnd);

    /// <summary>Backward: writes (or, when windows overlap, adds) the window's share of the output gradient into each
    /// of its input cells' gradients.</summary>
    void Backward(long sample, long output, int rowStart, int rowEnd, int colStart, int colEnd, bool accumulate);
}
