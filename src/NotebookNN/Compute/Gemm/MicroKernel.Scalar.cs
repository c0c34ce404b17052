namespace NotebookNN.Compute.Gemm;

/// <summary>
/// One register tile of the BLIS macrokernel: <c>C[0..mr, 0..nr] := alpha·A·B + beta·C</c>, then the epilogue,
/// from an A micro-panel packed k-major (MR values per k, zero-padded) and a B micro-panel packed k-major
/// (NR values per k, zero-padded). The kernel handles edge tiles (mr &lt; MR or nr &lt; NR) itself and never reads
/// C when beta is 0.
/// </summary>
internal unsafe interface IMicroKernel
{
    /// <summary>Computes one tile; consecutive k rows of B are <paramref name="bStep"/> floats apart (NR when packed).</summary>
    static abstract void Run(int kc, float* a, float* b, nint bStep, float* c, int ldc, int mr, int nr, in TileStore s);

    /// <summary>True when the kernel never reads B past column nr, so it may read an unpacked row-major B.</summary>
    static abstract bool ReadsUnpackedB { get; }
}

/// <summary>The reference micro-kernel in plain scalar code: a 4 × 4 tile (the other kernels are tested against the
/// same float64 reference as this one).</summary>
internal unsafe struct ScalarKernel : IMicroKernel
{
    public const int MR = 4, NR = 4;

    public static bool ReadsUnpackedB => false;

    public static void Run(int kc, float* a, float* b, nint bStep, float* c, int ldc, int mr, int nr, in TileStore s)
    {
        float* acc = stackalloc float[MR * NR];
        new Span<float>(acc, MR * NR).Clear();
        for (int p = 0; p < kc; p++, a += MR, b += bStep)
            for (int r = 0; r < MR; r++)
                for (int j = 0; j < NR; j++)
                    acc[r * NR + j] += a[r] * b[j];
        s.StoreTile(acc, NR, c, ldc, mr, nr);
    }
}
