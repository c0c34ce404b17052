using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using NotebookNN.Compute.Drivers;
using NotebookNN.Compute.Threading;
using NotebookNN.Compute.Gemm;

namespace NotebookNN.Compute.Ops;

/// <summary>
/// The element-wise half of a fused dense layer's backward in one pass over the rows: dz = g ⊙ act'(y) for ReLU
/// (or linear) and the bias gradient (column sums of dz) accumulated while each row of dz is still in registers,
/// instead of writing dz and reading it back (<see cref="AccumulateRows"/>, which a convolution's backward also runs
/// block by block). Other activations take the two-pass path of <see cref="FusedBackward"/>.
/// </summary>
internal static class DenseGrad
{
    /// <summary>dz (rows × cols) from the op's output y and the incoming gradient g; the column sums of dz into
    /// <paramref name="sums"/> unless it is empty. <paramref name="dz"/> may be <paramref name="g"/> itself for linear.</summary>
    public static unsafe void ActivationAndBias(FusedActivation act, ReadOnlySpan<float> y, ReadOnlySpan<float> g, Span<float> dz,
        int rows, int cols, Span<float> sums)
    {
        if (act is not (FusedActivation.Relu or FusedActivation.Linear) || !Vector512.IsHardwareAccelerated)
        {
            FusedBackward.ActivationGrad(act, y, g, dz);
            if (!sums.IsEmpty) FusedBackward.ColumnSums(dz, rows, cols, sums);
            return;
        }
        bool relu = act == FusedActivation.Relu, bias = !sums.IsEmpty;
        int chunkRows = Math.Max(1, ParallelThresholds.ChunkElements / Math.Max(1, cols));
        int chunks = (rows + chunkRows - 1) / chunkRows;
        fixed (float* py = y, pg = g, pd = dz, ps = sums)
        {
            if ((long)rows * cols < ParallelThresholds.Elementwise || chunks < 2)
            {
                RowRange(relu, py, pg, pd, 0, rows, cols, bias ? ps : null);
                return;
            }
            // Fixed-size row chunks (not one per core), each with its own column sums added in chunk order: the
            // bias gradient is the same on every machine. Inside Fit's step at batch 512 (the MLP 784-300-100-10),
            // the backward pass's time outside parallel loops fell from ~160 to ~60 µs.
            int need = bias ? chunks * cols : 0;
            float[]? rented = need > 4096 ? ArrayPool<float>.Shared.Rent(need) : null;
            Span<float> partial = rented is null ? stackalloc float[need] : rented.AsSpan(0, need);
            fixed (float* pp = partial)
            {
                var body = new Chunks { Relu = relu, Y = py, G = pg, Dz = pd, Partial = bias ? pp : null, Rows = rows, Cols = cols, ChunkRows = chunkRows };
                ComputePool.For(chunks, ref body);
            }
            if (bias)
            {
                partial[..cols].CopyTo(sums);
                for (int c = 1; c < chunks; c++) TensorPrimitives.Add(sums, partial.Slice(c * cols, cols), sums);
            }
            if (rented is not null) ArrayPool<float>.Shared.Return(rented);
        }
    }

    private unsafe struct Chunks : IParallelBody
    {
        public bool Relu;
        public float* Y, G, Dz, Partial;
        public int Rows, Cols, ChunkRows;

        public readonly void Invoke(int chunk) =>
            RowRange(Relu, Y, G, Dz, chunk * ChunkRows, Math.Min(Rows, (chunk + 1) * ChunkRows), Cols, Partial == null ? null : Partial + (nint)chunk * Cols);
    }

    /// <summary>Rows [r0, r1): dz = g (masked where y ≤ 0 for ReLU), and their column sums into <paramref name="sums"/>
    /// (cleared first) unless it is null.</summary>
    private static unsafe void RowRange(bool relu, float* y, float* g, float* dz, int r0, int r1, int cols, float* sums)
    {
        if (sums != null) new Span<float>(sums, cols).Clear();
        nint at = (nint)r0 * cols;
        AccumulateRows(relu, y + at, g + at, dz + at, r1 - r0, cols, sums);
    }

    /// <summary>
    /// rows × cols of dz = g (masked where y ≤ 0 for ReLU) and their column sums added to <paramref name="sums"/>
    /// unless it is null, each row of dz summed while it is in registers (a convolution's backward calls it block by
    /// block). For linear, <paramref name="dz"/> may be <paramref name="g"/> itself (then it is only summed). Each
    /// column's sum runs in row order whatever the vector width.
    /// </summary>
    public static unsafe void AccumulateRows(bool relu, float* y, float* g, float* dz, int rows, int cols, float* sums)
    {
        bool bias = sums != null, store = relu || dz != g;
        for (int r = 0; r < rows; r++)
        {
            nint row = (nint)r * cols;
            int j = 0;
            if (Vector512.IsHardwareAccelerated)
                for (; j <= cols - 16; j += 16)
                {
                    var gv = Vector512.Load(g + row + j);
                    if (relu) gv = Vector512.ConditionalSelect(Vector512.GreaterThan(Vector512.Load(y + row + j), Vector512<float>.Zero), gv, Vector512<float>.Zero);
                    if (store) gv.Store(dz + row + j);
                    if (bias) (Vector512.Load(sums + j) + gv).Store(sums + j);
                }
            else if (Vector256.IsHardwareAccelerated)
                for (; j <= cols - 8; j += 8)
                {
                    var gv = Vector256.Load(g + row + j);
                    if (relu) gv = Vector256.ConditionalSelect(Vector256.GreaterThan(Vector256.Load(y + row + j), Vector256<float>.Zero), gv, Vector256<float>.Zero);
                    if (store) gv.Store(dz + row + j);
                    if (bias) (Vector256.Load(sums + j) + gv).Store(sums + j);
                }
            for (; j < cols; j++)
            {
                float v = g[row + j];
                if (relu && !(y[row + j] > 0f)) v = 0f;
                if (store) dz[row + j] = v;
                if (bias) sums[j] += v;
            }
        }
    }
}
