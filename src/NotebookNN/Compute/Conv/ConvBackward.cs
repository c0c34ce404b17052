using System.Numerics.Tensors;
using NotebookNN.Compute.Gemm;
using NotebookNN.Compute.Threading;

namespace NotebookNN.Compute.Conv;

using Gemm = NotebookNN.Compute.Gemm.Gemm; // the class, not its namespace (a sibling of this one)

/// <summary>
/// The backward of <see cref="Conv2DGemm.Forward"/> in one pass over the batch: for each block of output pixels,
/// dz = g ⊙ act'(y) and the bias gradient's sums (<see cref="ConvActivationGrad"/>), then the input gradient
/// (dz · kernelᵀ into scratch, added onto dx by <see cref="Col2Im"/>) and the kernel gradient (colᵀ · dz on the
/// block's im2col, or the direct kernel for a shallow depth), each only when asked for. dz and the patches live only
/// as a block in per-thread scratch, never as a batch-sized tensor.
/// </summary>
/// <remarks>The batch is cut into a fixed number of tasks of whole images (so one image's overlapping windows add
/// onto dx on one thread); each task sums its own kernel and bias gradient, and the tasks' sums are added in task
/// order afterwards: the result does not depend on which thread ran what.</remarks>
internal static unsafe class ConvBackward
{
    /// <summary>Any of <paramref name="dx"/>, <paramref name="dkernel"/>, <paramref name="dbias"/> may be empty (not
    /// wanted). y is the forward's output, g its gradient.</summary>
    public static void Run(in ConvGeometry geo, FusedActivation act, ReadOnlySpan<float> y, ReadOnlySpan<float> g,
        ReadOnlySpan<float> x, ReadOnlySpan<float> kernel, Span<float> dx, Span<float> dkernel, Span<float> dbias)
    {
        if (y.Length < (long)geo.N * geo.OutputImage || g.Length < y.Length || x.Length < (long)geo.N * geo.InputImage
            || kernel.Length < geo.Depth * geo.F)
            throw new ArgumentException("Internal: conv2d backward buffers are smaller than the convolution's geometry.");
        bool wantDk = !dkernel.IsEmpty, wantDb = !dbias.IsEmpty, direct = wantDk && DirectConv.Applies(in geo);
        int tasks = Math.Min(geo.N, 2 * ComputePool.Workers);
        int kFloats = geo.Depth * geo.F, stride = kFloats + geo.F;
        float* partials = wantDk || wantDb ? ConvScratch.Partials((long)Math.Max(1, tasks) * stride) : null;
        fixed (float* py = y, pg = g, px = x, pk = kernel, pdx = dx)
        {
            var body = new Tasks
            {
                G = geo, Act = act, Y = py, Grad = pg, X = px, Kernel = pk, Dx = dx.IsEmpty ? null : pdx,
                WantDk = wantDk, WantDb = wantDb, Partials = partials, Stride = stride, Count = tasks,
                Direct = direct, Settings = GemmThreadSettings.Capture(),
            };
            ComputePool.For(tasks, ref body);
        }
        if (wantDk) Reduce(partials, stride, tasks, dkernel[..kFloats], transposedF: direct ? 0 : geo.F);
        if (wantDb) Reduce(partials + kFloats, stride, tasks, dbias[..geo.F], transposedF: 0);
    }

    /// <summary>sum = Σ over tasks of each task's partial (task order, added into the first), zeros for an empty
    /// batch; a partial held transposed (F × Depth, <paramref name="transposedF"/> = F) is transposed on the way.</summary>
    private static void Reduce(float* partials, int stride, int tasks, Span<float> sum, int transposedF)
    {
        if (tasks == 0) { sum.Clear(); return; }
        var first = new Span<float>(partials, sum.Length);
        for (int t = 1; t < tasks; t++) TensorPrimitives.Add(first, new ReadOnlySpan<float>(partials + (nint)t * stride, sum.Length), first);
        if (transposedF == 0) { first.CopyTo(sum); return; }
        int depth = sum.Length / transposedF;
        for (int f = 0; f < transposedF; f++)
            for (int d = 0; d < depth; d++) sum[d * transposedF + f] = first[f * depth + d];
    }

    private struct Tasks : IParallelBody
    {
        public ConvGeometry G;
        public FusedActivation Act;
        public float* Y, Grad, X, Kernel, Dx, Partials;
        public bool WantDk, WantDb, Direct;
        public int Stride, Count;
        public GemmThreadSettings Settings;

        public readonly void Invoke(int task)
        {
            int n0 = (int)((long)G.N * task / Count), n1 = (int)((long)G.N * (task + 1) / Count);
            float* dk = WantDk || WantDb ? Partials + (nint)task * Stride : null;
            float* db = WantDb ? dk + G.Depth * G.F : null;
            if (dk != null) new Span<float>(dk, Stride).Clear();
            var saved = Settings.Enter();
            try { for (int n = n0; n < n1; n++) Image(n, WantDk ? dk : null, db); }
            finally { GemmThreadSettings.Leave(saved); }
        }

        private readonly void Image(int n, float* dk, float* db)
        {
            var g = G;
            int pixels = g.OH * g.OW, width = Math.Max(g.Depth, g.F);
            int rows = Math.Min(pixels, Conv2DGemm.BlockRows(width));
            if (Dx != null) new Span<float>(Dx + (nint)n * g.InputImage, g.InputImage).Clear();
            float* xp = null;
            int* offsets = stackalloc int[Direct ? g.Depth : 0];
            if (Direct)
            {
                var (hp, wp) = DirectConv.Padded(in g);
                xp = ConvScratch.Image((long)hp * wp * g.C);
                DirectConv.PadImage(in g, X, n, xp);
                DirectConv.TapOffsets(in g, offsets);
            }
            for (int p0 = 0; p0 < pixels; p0 += rows)
            {
                int p1 = Math.Min(pixels, p0 + rows), m = p1 - p0, r0 = n * pixels + p0;
                nint at = (nint)r0 * g.F;
                float* dz = Act == FusedActivation.Linear ? Grad + at : ConvScratch.Dz((long)m * g.F);
                ConvActivationGrad.Rows(Act, Y + at, Grad + at, dz, m, g.F, db);
                if (Dx != null) InputGrad(in g, dz, r0, m);
                if (dk == null) continue;
                if (Direct) DirectConvKernelGrad.Accumulate(in g, xp, offsets, dz, p0, p1, dk);
                else KernelGrad(in g, dz, r0, m, dk);
            }
        }

        /// <summary>dx += col2im(dz · kernelᵀ) for rows [r0, r0 + m); pointwise: dx rows = dz · kernelᵀ.</summary>
        private readonly void InputGrad(in ConvGeometry g, float* dz, int r0, int m)
        {
            var k = new ReadOnlySpan<float>(Kernel, g.Depth * g.F);
            var dzs = new ReadOnlySpan<float>(dz, m * g.F);
            if (g.IsPointwise)
            {
                Gemm.Sgemm(false, true, m, g.Depth, g.F, 1f, dzs, g.F, k, g.F, 0f, new Span<float>(Dx + (nint)r0 * g.C, m * g.C), g.C);
                return;
            }
            float* dcol = ConvScratch.Col((long)m * g.Depth);
            Gemm.Sgemm(false, true, m, g.Depth, g.F, 1f, dzs, g.F, k, g.F, 0f, new Span<float>(dcol, m * g.Depth), g.Depth);
            Col2Im.ScatterRows(in g, dcol, Dx, r0, r0 + m);
        }

        /// <summary>dkᵀ += dzᵀ · col for rows [r0, r0 + m) (pointwise: x's rows are the patches). Transposed, the
        /// product has F (≤ 64) rows, so the GEMM reads the block's patches in place instead of packing them.</summary>
        private readonly void KernelGrad(in ConvGeometry g, float* dz, int r0, int m, float* dk)
        {
            float* col = X + (nint)r0 * g.C;
            if (!g.IsPointwise)
            {
                col = ConvScratch.Col((long)m * g.Depth);
                Im2Col.PackRows(in g, X, col, r0, r0 + m);
            }
            Gemm.Sgemm(true, false, g.F, g.Depth, m, 1f, new ReadOnlySpan<float>(dz, m * g.F), g.F,
                new ReadOnlySpan<float>(col, m * g.Depth), g.Depth, 1f, new Span<float>(dk, g.Depth * g.F), g.Depth);
        }
    }
}
