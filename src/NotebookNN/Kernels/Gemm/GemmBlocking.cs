namespace NotebookNN.Kernels;

/// <summary>The instruction set a GEMM runs on.</summary>
internal enum GemmIsa { Scalar, Avx2, Avx512 }

/// <summary>
/// Block sizes of the BLIS loops for one micro-kernel: <c>MR × NR</c> is the register tile, <c>KC</c> the depth of a
/// packed panel, <c>MC</c> the rows of a packed A block, <c>NC</c> the columns of a packed B panel.
/// </summary>
/// <remarks>
/// The loop nest (see <see cref="Gemm"/>) keeps one packed B micro-panel (KC × NR) in L1 while the IR loop streams
/// the A block (MC × KC) from L2; the whole B panel (KC × NC) lives in L2/L3. The machine this was tuned on has
/// 48 KiB L1d and 2 MiB L2 per core.
/// </remarks>
internal readonly record struct GemmBlocking(int MR, int NR, int KC, int MC, int NC)
{
    /// <summary>
    /// AVX-512: 8 rows × three 16-float vectors = 24 zmm accumulators, plus 3 B vectors and one broadcast = 28 of the
    /// 32 registers. KC 256: the B micro-panel is 256·48·4 = 48 KiB, as large as L1, so part of it streams from
    /// L2 (at 192 B per 12 cycles of FMAs, well within L2 bandwidth); measured faster than KC 192 (36 KiB) here,
    /// e.g. n = 256 in one depth panel: ~150 vs ~120 GFLOP/s, since C is loaded and stored once per depth panel.
    /// MC 384: A block 384 KiB, a fifth of L2. NC 4080 (a multiple of 48): the B panel (4 MiB) is shared by both
    /// cores through the L3. (The bench can override these for tuning: NNBENCH_BLOCKING="KC,MC,NC".)
    /// </summary>
    public static GemmBlocking Avx512 { get; internal set; } = new(8, 48, 256, 384, 4080);

    /// <summary>
    /// AVX2 + FMA: 6 rows × two 8-float vectors = 12 ymm accumulators of the 16 (BLIS haswell's 6×16). KC 256:
    /// B micro-panel 16 KiB in L1. MC 168 as in BLIS haswell (A block 168 KiB in L2). NC 4080 as in BLIS.
    /// </summary>
    public static readonly GemmBlocking Avx2 = new(6, 16, 256, 168, 4080);

    /// <summary>The reference kernel: a small 4×4 tile; block sizes only need to be sane.</summary>
    public static readonly GemmBlocking Scalar = new(4, 4, 256, 128, 4096);

    public static GemmBlocking For(GemmIsa isa) => isa switch
    {
        GemmIsa.Avx512 => Avx512,
        GemmIsa.Avx2 => Avx2,
        _ => Scalar,
    };
}
