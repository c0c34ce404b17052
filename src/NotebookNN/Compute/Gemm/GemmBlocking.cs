namespace NotebookNN.Compute.Gemm;

/// <summary>The instruction set a GEMM runs on.</summary>
internal enum GemmIsa { Scalar, Avx2, Avx512 }

/// <summary>
/// Block sizes of the BLIS loops for one micro-kernel: <c>MR × NR</c> is the register tile, <c>KC</c> the depth of a
/// packed panel, <c>MC</c> the rows of a packed A block, <c>NC</c> the columns of a packed B panel.
/// </summary>
/// <remarks>
/// The loop nest (see <see cref="Gemm"/>) keeps one packed B micro-panel (KC × NR) in L1 while the IR loop streams
/// the A block (MC × KC) from L2; the whole B panel (KC × NC) lives in L2/L3. The AVX-512 sizes were tuned on a Xeon
/// with 48 KiB L1d and 2 MiB L2 per core, the AVX2 sizes on an AMD EPYC with 32 KiB L1d and 512 KiB L2 per core.
/// </remarks>
internal readonly record struct GemmBlocking(int MR, int NR, int KC, int MC, int NC)
{
    /// <summary>
    /// AVX-512: 8 rows × three 16-float vectors = 24 zmm accumulators, plus 3 B vectors and one broadcast = 28 of the
    /// 32 registers. KC 192: the B micro-panel is 192·48·4 = 36 KiB of the 48 KiB L1, leaving room for the A
    /// micro-panels streaming past it. Ranked against KC 128 and 256 by the bench's "blocking" command, which times the
    /// candidates interleaved in one process (the machine's speed drifts by up to 2× between minutes): within a few
    /// percent of each other except 512³, where 192 is 7% faster than 256 (the table: bench/README, "blocking"). MC
    /// 384: A block 288 KiB, a seventh of L2. NC 4080 (a multiple of 48). (The bench's matmul command can override
    /// these: NNBENCH_BLOCKING="KC,MC,NC".)
    /// </summary>
    public static GemmBlocking Avx512 { get; internal set; } = new(8, 48, 192, 384, 4080);

    /// <summary>
    /// AVX2 + FMA: 6 rows × two 8-float vectors = 12 ymm accumulators of the 16 (BLIS haswell's 6×16). KC 288: the
    /// depth of the CNN's 3×3×32 convolution in one panel (KC 256 split it into two panels of 144, so every C tile
    /// was written, read back and written again: conv2's batch-128 forward ran 25-30% slower, bench/README
    /// "gemm-avx2"); the B micro-panel is 288·16·4 = 18 KiB of a 32 KiB L1d (AMD EPYC; 48 KiB on the Xeons), the
    /// A micro-panel 7 KiB. MC 168 as in BLIS haswell (A block 189 KiB of a 512 KiB L2). NC 4080 as in BLIS.
    /// </summary>
    public static GemmBlocking Avx2 { get; internal set; } = new(6, 16, 288, 168, 4080);

    /// <summary>The reference kernel: a small 4×4 tile; block sizes only need to be sane.</summary>
    public static readonly GemmBlocking Scalar = new(4, 4, 256, 128, 4096);

    public static GemmBlocking For(GemmIsa isa) => isa switch
    {
        GemmIsa.Avx512 => Avx512,
        GemmIsa.Avx2 => Avx2,
        _ => Scalar,
    };
}
