using NotebookNN.Compute.Gemm;
using NotebookNN.Compute.Threading;

namespace NotebookNN.Compute.Conv;

using Gemm = NotebookNN.Compute.Gemm.Gemm; // the class, not its namespace (a sibling of this one)

/// <summary>
/// The forward of a 2-D convolution, y = act(conv(x, kernel) + bias), channels-last and contiguous: x (N, H, W, C),
/// kernel (KH, KW, C, F) read as a Depth × F matrix, y (N, OH, OW, F) as Rows × F. A shallow convolution takes the
/// direct kernels (<see cref="DirectConv"/>); a pointwise one (1×1, stride 1) is one GEMM on x itself; any other runs
/// block by block: im2col of <see cref="BlockRows"/> output pixels into per-thread scratch, then the GEMM of that
/// block with the bias and activation in its epilogue, the blocks spread over the cores.
/// </summary>
/// <remarks>A block's patches (at most <see cref="BlockFloats"/> floats, 256 KB) are still in L2 when the GEMM packs
/// them, so a batch of 128 runs as fast per image as a batch of 32, and neither training nor inference over 10,000
/// images ever holds more than a block of patches per thread (the whole-batch im2col matrix of 14×14×32 → 64 at batch
/// 128 was 29 MB).</remarks>
internal static unsafe class Conv2DGemm
{
    /// <summary>Floats of im2col (or dz, or its gradient) in one block: 256 KB, half an L2 cache of this machine.</summary>
    public const int BlockFloats = 1 << 16;

    /// <summary>Output pixels per block for a product of depth <paramref name="width"/> (whole 6-row GEMM tiles when
    /// more than one).</summary>
    public static int BlockRows(int width)
    {
        int rows = Math.Max(1, BlockFloats / Math.Max(1, width));
        return rows >= 12 ? rows / 6 * 6 : rows;
    }

    /// <summary>y = act(conv(x, kernel) + bias), bias empty for none.</summary>
    public static void Forward(in ConvGeometry g, ReadOnlySpan<float> x, ReadOnlySpan<float> kernel, ReadOnlySpan<float> bias,
        FusedActivation act, Span<float> y)
    {
        if (x.Length < (long)g.N * g.InputImage || y.Length < (long)g.N * g.OutputImage || kernel.Length < g.Depth * g.F)
            throw new ArgumentException("Internal: conv2d buffers are smaller than the convolution's geometry.");
        if (g.Rows == 0) return;
        if (DirectConv.Applies(in g))
        {
            DirectConv.Forward(in g, x, kernel, bias, act, y);
            return;
        }
        if (g.IsPointwise)
        {
            Gemm.Sgemm(false, false, g.Rows, g.F, g.Depth, 1f, x, g.Depth, kernel, g.F, 0f, y, g.F, new Epilogue(bias, act));
            return;
        }
        int rows = Math.Min(g.Rows, BlockRows(g.Depth));
        fixed (float* px = x, pk = kernel, pb = bias, py = y)
        {
            var body = new ForwardBlocks
            {
                G = g, X = px, Kernel = pk, Bias = pb, BiasLength = bias.Length, Y = py, Act = act, BlockRows = rows,
                Settings = GemmThreadSettings.Capture(),
            };
            ComputePool.For((g.Rows + rows - 1) / rows, ref body);
        }
    }

    private struct ForwardBlocks : IParallelBody
    {
        public ConvGeometry G;
        public float* X, Kernel, Bias, Y;
        public int BiasLength, BlockRows;
        public FusedActivation Act;
        public GemmThreadSettings Settings;

        public readonly void Invoke(int block)
        {
            int r0 = block * BlockRows, r1 = Math.Min(G.Rows, r0 + BlockRows), m = r1 - r0;
            float* col = ConvScratch.Col((long)m * G.Depth);
            Im2Col.PackRows(in G, X, col, r0, r1);
            var saved = Settings.Enter();
            try
            {
                Gemm.Sgemm(false, false, m, G.F, G.Depth, 1f, new ReadOnlySpan<float>(col, m * G.Depth), G.Depth,
                    new ReadOnlySpan<float>(Kernel, G.Depth * G.F), G.F, 0f, new Span<float>(Y + (nint)r0 * G.F, m * G.F), G.F,
                    new Epilogue(new ReadOnlySpan<float>(Bias, BiasLength), Act));
            }
            finally { GemmThreadSettings.Leave(saved); }
        }
    }
}
