using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using NotebookNN.Compute.Gemm;
using NotebookNN.Compute.Threading;

namespace NotebookNN.Compute.Conv;

using Gemm = NotebookNN.Compute.Gemm.Gemm; // the class, not its namespace (a sibling of this one)

/// <summary>
/// Direct convolution for a shallow depth (KH·KW·C ≤ <see cref="MaxDepth"/>, e.g. a first layer over grayscale or RGB
/// images): no im2col matrix and no GEMM, whose packing and short depth loop cost more than the arithmetic here. Each
/// image is copied once, zero-padded, into per-thread scratch, so every tap of every output pixel is an in-bounds read
/// at a fixed offset (<see cref="TapOffsets"/>); the kernels vectorise over the filters (8 per AVX2 vector).
/// </summary>
/// <remarks>The forward (<see cref="DirectConvForward"/>) keeps 6 output pixels × 16 filters in registers and adds
/// the bias and the activation before its single store; the kernel gradient (<see cref="DirectConvKernelGrad"/>) keeps
/// up to 6 taps × 16 filters of the kernel in registers over a run of pixels.</remarks>
internal static unsafe class DirectConv
{
    /// <summary>Deepest product (KH·KW·C) that takes the direct kernels; deeper ones go through the blocked GEMM.</summary>
    public const int MaxDepth = 32;

    [ThreadStatic] private static bool? t_forced;

    /// <summary>Forces (true) or forbids (false) the direct kernels for convolutions started on this thread (tests);
    /// null lets <see cref="Applies"/> decide.</summary>
    public static bool? Forced { get => t_forced; set => t_forced = value; }

    /// <summary>Whether the direct kernels run this convolution: shallow, whole AVX2 vectors of filters, FMA, and the
    /// GEMM path not forced to scalar (the scalar path then covers the whole convolution).</summary>
    public static bool Applies(in ConvGeometry g)
    {
        bool possible = Fma.IsSupported && Avx2.IsSupported && g.F % 8 == 0 && Gemm.ForcedIsa != GemmIsa.Scalar;
        return possible && (Forced ?? (g.Depth <= MaxDepth && !g.IsPointwise));
    }

    /// <summary>Height and width of the padded image: every row and column some tap reads.</summary>
    public static (int Hp, int Wp) Padded(in ConvGeometry g) => ((g.OH - 1) * g.SH + g.KH, (g.OW - 1) * g.SW + g.KW);

    /// <summary>Copies image <paramref name="n"/> of x into <paramref name="xp"/> (Hp × Wp × C), zeros where the
    /// window hangs over the padding; rows or columns of x no window reads ("valid" with a remainder) are left out.</summary>
    public static void PadImage(in ConvGeometry g, float* x, int n, float* xp)
    {
        var (hp, wp) = Padded(in g);
        int c = g.C, rowFloats = wp * c;
        int jLo = Math.Min(wp, g.PadLeft), jHi = Math.Min(wp, g.W + g.PadLeft); // padded columns holding x's columns [0, W)
        for (int i = 0; i < hp; i++)
        {
            float* dst = xp + (nint)i * rowFloats;
            int ih = i - g.PadTop;
            if ((uint)ih >= (uint)g.H || jHi <= jLo) { new Span<float>(dst, rowFloats).Clear(); continue; }
            if (jLo > 0) new Span<float>(dst, jLo * c).Clear();
            float* src = x + (((nint)n * g.H + ih) * g.W + (jLo - g.PadLeft)) * c;
            new ReadOnlySpan<float>(src, (jHi - jLo) * c).CopyTo(new Span<float>(dst + jLo * c, (jHi - jLo) * c));
            if (jHi < wp) new Span<float>(dst + jHi * c, (wp - jHi) * c).Clear();
        }
    }

    /// <summary>Offset of tap t = (kh, kw, c), the kernel's row order, from its output pixel's corner in the padded image.</summary>
    public static void TapOffsets(in ConvGeometry g, int* offsets)
    {
        int wp = Padded(in g).Wp;
        for (int kh = 0, t = 0; kh < g.KH; kh++)
            for (int kw = 0; kw < g.KW; kw++)
                for (int c = 0; c < g.C; c++, t++) offsets[t] = (kh * wp + kw) * g.C + c;
    }

    /// <summary>y = act(conv(x, kernel) + bias) for the whole batch, bands of output rows spread over the cores.</summary>
    public static void Forward(in ConvGeometry g, ReadOnlySpan<float> x, ReadOnlySpan<float> kernel, ReadOnlySpan<float> bias,
        FusedActivation act, Span<float> y)
    {
        int workers = ComputePool.Workers;
        int bands = g.N >= 2 * workers ? 1 : Math.Min(g.OH, (2 * workers + g.N - 1) / g.N);
        fixed (float* px = x, pk = kernel, pb = bias, py = y)
        {
            var body = new ForwardItems
            {
                G = g, X = px, Kernel = pk, Bias = bias.IsEmpty ? null : pb, Y = py, Act = act,
                Bands = bands, BandRows = (g.OH + bands - 1) / bands,
            };
            ComputePool.For(g.N * bands, ref body);
        }
    }

    private struct ForwardItems : IParallelBody
    {
        public ConvGeometry G;
        public float* X, Kernel, Bias, Y;
        public FusedActivation Act;
        public int Bands, BandRows;

        public readonly void Invoke(int item)
        {
            int n = item / Bands, oh0 = item % Bands * BandRows, oh1 = Math.Min(G.OH, oh0 + BandRows);
            if (oh0 >= oh1) return;
            var (hp, wp) = Padded(in G);
            float* xp = ConvScratch.Image((long)hp * wp * G.C);
            PadImage(in G, X, n, xp);
            int* offsets = stackalloc int[G.Depth];
            TapOffsets(in G, offsets);
            float* y = Y + ((nint)n * G.OH + oh0) * G.OW * G.F;
            DirectConvForward.Rows(in G, xp, offsets, Kernel, Bias, Act == FusedActivation.Relu, oh0, oh1, y);
            if (Act is FusedActivation.Sigmoid or FusedActivation.Tanh)
            {
                var rows = new Span<float>(y, (oh1 - oh0) * G.OW * G.F);
                if (Act == FusedActivation.Sigmoid) TensorPrimitives.Sigmoid(rows, rows);
                else TensorPrimitives.Tanh(rows, rows);
            }
        }
    }
}
