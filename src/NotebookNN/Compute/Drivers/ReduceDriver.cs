using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using NotebookNN.Compute.Threading;

namespace NotebookNN.Compute.Drivers;

/// <summary>
/// Reductions: Σ-style folds of a transformed span (<c>Aggregate&lt;SquareOp, AddOp&gt;</c> is a sum of squares
/// without a temporary), axis reductions of a row-major block (outer, n, inner), and arg-max/min with the
/// scatter that undoes them in backward passes. The result never depends on the span's alignment, and large
/// inputs are split into fixed-size chunks, so a float sum adds in the same order on every run.
/// </summary>
internal static unsafe class ReduceDriver
{
    /// <summary>TAgg-fold of TTransform(x[i]) over the span; TAgg.Identity for an empty span.</summary>
    public static float Aggregate<TTransform, TAgg>(ReadOnlySpan<float> x) where TTransform : IUnaryOp where TAgg : IAggregateOp
    {
        fixed (float* p = x)
        {
            if (x.Length < ParallelThresholds.Elementwise) return Core<TTransform, TAgg>(p, x.Length);
            int chunks = ParallelThresholds.Chunks(x.Length);
            var partials = new float[chunks];
            fixed (float* pp = partials)
            {
                var body = new AggregateBody<TTransform, TAgg> { X = p, N = x.Length, Partials = pp };
                ComputePool.For(chunks, ref body);
                return Core<IdentityOp, TAgg>(pp, chunks);
            }
        }
    }

    private struct AggregateBody<TTransform, TAgg> : IParallelBody where TTransform : IUnaryOp where TAgg : IAggregateOp
    {
        public float* X, Partials;
        public int N;
        public void Invoke(int index)
        {
            int s = index * ParallelThresholds.ChunkElements;
            Partials[index] = Core<TTransform, TAgg>(X + s, Math.Min(ParallelThresholds.ChunkElements, N - s));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static float Core<TTransform, TAgg>(float* x, nint n) where TTransform : IUnaryOp where TAgg : IAggregateOp
    {
        nint i = 0;
        float result = TAgg.Identity;
        if (TTransform.Vectorizable && Vector512.IsHardwareAccelerated && n >= 16)
        {
            var id = Vector512.Create(TAgg.Identity);
            Vector512<float> a0 = id, a1 = id, a2 = id, a3 = id;
            for (; i <= n - 64; i += 64)
            {
                a0 = TAgg.Invoke(a0, TTransform.Invoke(Vector512.Load(x + i)));
                a1 = TAgg.Invoke(a1, TTransform.Invoke(Vector512.Load(x + i + 16)));
                a2 = TAgg.Invoke(a2, TTransform.Invoke(Vector512.Load(x + i + 32)));
                a3 = TAgg.Invoke(a3, TTransform.Invoke(Vector512.Load(x + i + 48)));
            }
            for (; i <= n - 16; i += 16) a0 = TAgg.Invoke(a0, TTransform.Invoke(Vector512.Load(x + i)));
            result = TAgg.Invoke(TAgg.Invoke(TAgg.Invoke(a0, a1), TAgg.Invoke(a2, a3)));
        }
        if (TTransform.Vectorizable && Vector256.IsHardwareAccelerated && n - i >= 8)
        {
            var acc = Vector256.Create(TAgg.Identity);
            for (; i <= n - 8; i += 8) acc = TAgg.Invoke(acc, TTransform.Invoke(Vector256.Load(x + i)));
            result = TAgg.Invoke(result, TAgg.Invoke(acc));
        }
        for (; i < n; i++) result = TAgg.Invoke(result, TTransform.Invoke(x[i]));
        return result;
    }

    /// <summary>
    /// Reduces axis 1 of a contiguous block viewed as (outer, n, inner) into dst (outer, inner). Rows along a
    /// last axis fold with <see cref="Aggregate{TTransform,TAgg}"/>; other axes accumulate whole rows of
    /// length inner with the binary driver, so the hot loop is always a contiguous span.
    /// </summary>
    public static void AlongAxis<TAgg>(ReadOnlySpan<float> x, int outer, int n, int inner, Span<float> dst) where TAgg : IAggregateOp
    {
        if ((long)outer * n * inner != x.Length || (long)outer * inner != dst.Length)
            throw new ArgumentException("Internal: axis reduction with inconsistent sizes.");
        if (dst.Length == 0) return;
        fixed (float* px = x, pd = dst)
        {
            int innerBlock = inner == 1 ? 1 : Math.Min(inner, ParallelThresholds.ChunkElements);
            int innerBlocks = (inner + innerBlock - 1) / innerBlock;
            int rowsPerItem = inner == 1 ? Math.Max(1, ParallelThresholds.ChunkElements / Math.Max(n, 1)) : 1;
            var body = new AxisBody<TAgg>
            {
                X = px, D = pd, Outer = outer, N = n, Inner = inner,
                InnerBlock = innerBlock, InnerBlocks = innerBlocks, RowsPerItem = rowsPerItem,
            };
            int items = inner == 1 ? (outer + rowsPerItem - 1) / rowsPerItem : outer * innerBlocks;
            if (x.Length < ParallelThresholds.Elementwise) for (int k = 0; k < items; k++) body.Invoke(k);
            else ComputePool.For(items, ref body);
        }
    }

    private struct AxisBody<TAgg> : IParallelBody where TAgg : IAggregateOp
    {
        public float* X, D;
        public int Outer, N, Inner, InnerBlock, InnerBlocks, RowsPerItem;
        public void Invoke(int item)
        {
            if (Inner == 1)
            {
                int end = Math.Min(Outer, (item + 1) * RowsPerItem);
                for (int o = item * RowsPerItem; o < end; o++) D[o] = Core<IdentityOp, TAgg>(X + (long)o * N, N);
                return;
            }
            int outer = item / InnerBlocks, col = item % InnerBlocks * InnerBlock;
            int len = Math.Min(InnerBlock, Inner - col);
            float* dst = D + (long)outer * Inner + col, src = X + (long)outer * N * Inner + col;
            float identity = TAgg.Identity;
            BinaryDriver.Core<TAgg, BinaryDriver.Scalar, BinaryDriver.Scalar>(&identity, &identity, dst, len);
            for (int k = 0; k < N; k++)
                BinaryDriver.Core<TAgg, BinaryDriver.Span, BinaryDriver.Span>(dst, src + (long)k * Inner, dst, len);
        }
    }

    /// <summary>
    /// Index of the first maximum (<paramref name="max"/> true) or minimum along axis 1 of (outer, n, inner),
    /// written as floats to dst (outer, inner). A NaN wins, as in numpy. n must be positive.
    /// </summary>
    public static void ArgAlongAxis(ReadOnlySpan<float> x, int outer, int n, int inner, Span<float> dst, bool max)
    {
        if (n <= 0 || (long)outer * n * inner != x.Length || (long)outer * inner != dst.Length)
            throw new ArgumentException("Internal: arg reduction with inconsistent sizes.");
        for (int o = 0; o < outer; o++)
            for (int j = 0; j < inner; j++)
            {
                int baseIndex = o * n * inner + j, best = 0;
                float bestValue = x[baseIndex];
                for (int k = 1; k < n && !float.IsNaN(bestValue); k++)
                {
                    float v = x[baseIndex + k * inner];
                    if (float.IsNaN(v) || (max ? v > bestValue : v < bestValue)) { best = k; bestValue = v; }
                }
                dst[o * inner + j] = best;
            }
    }

    /// <summary>Backward of a reduction to one element per slice: dst (outer, n, inner) gets g[o, j] at
    /// k = index[o, j] and zero elsewhere.</summary>
    public static void ScatterAlongAxis(ReadOnlySpan<float> g, ReadOnlySpan<float> index, int outer, int n, int inner, Span<float> dst)
    {
        dst.Clear();
        for (int o = 0; o < outer; o++)
            for (int j = 0; j < inner; j++)
                dst[(o * n + (int)index[o * inner + j]) * inner + j] = g[o * inner + j];
    }
}
