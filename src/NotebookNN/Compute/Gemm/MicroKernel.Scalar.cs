namespace NotebookNN.Compute.Gemm;

/// <summary>
/// One register tile of the BLIS macrokernel: <c>C[0..mr, 0..nr] := alpha·A·B + beta·C</c>, then the epilogue,
/// from an A micro-panel and a B micro-panel packed k-major (NR values per k, zero-padded). Element (row r, depth p)
/// of A is <c>a[r·aRow + p·aStep]</c>: a packed A micro-panel has aRow 1 and aStep MR (zero-padded rows); an A read
/// in place has its own strides, and rows r ≥ mr are never read (the kernel reads row mr - 1 in their place). The
/// kernel handles edge tiles (mr &lt; MR or nr &lt; NR) itself and never reads C when beta is 0.
/// </summary>
internal unsafe interface IMicroKernel
{
    /// <summary>Computes one tile; consecutive k rows of B are <paramref name="bStep"/> floats apart (NR when packed).</summary>
    static abstract void Run(int kc, float* a, nint aRow, nint aStep, float* b, nint bStep, float* c, int ldc, int mr, int nr, in TileStore s);

    /// <summary>True when the kernel never reads B past column nr, so it may read an unpacked row-major B.</summary>
    static abstract bool ReadsUnpackedB { get; }

    /// <summary>True when the kernel reads A through any strides (aRow, aStep), so A may be read in place unpacked;
    /// false when it needs the packed layout (aRow 1, aStep MR).</summary>
    static abstract bool ReadsUnpackedA { get; }
}

/// <summary>The reference micro-kernel in plain scalar code: a 4 × 4 tile (the other kernels are tested against the
/// same float64 reference as this one).</summary>
internal unsafe struct ScalarKernel : IMicroKernel
{
    public const int MR = 4, NR = 4;

    public static bool ReadsUnpackedB => false;
    public static bool ReadsUnpackedA => true;

    public static void Run(int kc, float* a, nint aRow, nint aStep, float* b, nint bStep, float* c, int ldc, int mr, int nr, in TileStore s)
    {
        float* acc = stackalloc float[MR * NR];
        new Span<float>(acc, MR * NR).Clear();
        for (int p = 0; p < kc; p++, a += aStep, b += bStep)
            for (int r = 0; r < mr; r++)
                for (int j = 0; j < NR; j++)
                    acc[r * NR + j] += a[r * aRow] * b[j];
        s.StoreTile(acc, NR, c, ldc, mr, nr);
    }
}
