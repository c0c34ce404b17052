namespace NotebookNN.Kernels;

/// <summary>
/// One register tile of the BLIS macrokernel: <c>C[0..mr, 0..nr] := alpha·A·B + beta·C</c>, then the epilogue,
/// from an A micro-panel packed k-major (MR values per k, zero-padded) and a B micro-panel packed k-major
/// (NR values per k, zero-padded). The kernel handles edge tiles (mr &lt; MR or nr &lt; NR) itself and never reads
/// C when beta is 0.
/// </summary>
internal unsafe interface IMicroKernel
{
    static abstract void Run(int kc, float* a, float* b, float* c, int ldc, int mr, int nr, in TileStore s);
}

/// <summary>The reference micro-kernel in plain scalar code: a 4 × 4 tile (the other kernels are tested against the
/// same float64 reference as this one).</summary>
internal unsafe struct ScalarKernel : IMicroKernel
{
    public const int MR = 4, NR = 4;

    public static void Run(int kc, float* a, float* b, float* c, int ldc, int mr, int nr, in TileStore s)
    {
        float* acc = stackalloc float[MR * NR];
        new Span<float>(acc, MR * NR).Clear();
        for (int p = 0; p < kc; p++, a += MR, b += NR)
            for (int r = 0; r < MR; r++)
                for (int j = 0; j < NR; j++)
                    acc[r * NR + j] += a[r] * b[j];
        s.StoreTile(acc, NR, c, ldc, mr, nr);
    }
}
