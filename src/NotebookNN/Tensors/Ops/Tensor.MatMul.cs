using NotebookNN.Compute.Gemm;

namespace NotebookNN.Tensors;

public partial class Tensor
{
    /// <summary>
    /// Matrix product with numpy's <c>matmul</c> rules: (m, k)·(k, n) → (m, n); a 1-D first operand is a row vector
    /// and a 1-D second operand a column vector (that axis is dropped from the result); leading axes are batch axes
    /// and broadcast, e.g. (b, m, k)·(k, n) → (b, m, n) and (b, m, k)·(b, k, n) → (b, m, n).
    /// </summary>
    /// <exception cref="ArgumentException">An operand is 0-D, the inner axes differ, or the batch axes do not broadcast.</exception>
    public static Tensor MatMul(Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.NDim == 0 || b.NDim == 0)
            throw new ArgumentException($"Matmul requires operands of rank >= 1. Received: shapes {a.Shape} and {b.Shape}");
        var a2 = AsMatrices(a, rowVector: true);
        var b2 = AsMatrices(b, rowVector: false);
        int m = a2.Dims[^2], k = a2.Dims[^1], n = b2.Dims[^1];
        if (k != b2.Dims[^2])
            throw new ArgumentException($"Matmul shape mismatch: cannot multiply {a.Shape} by {b.Shape}: axis -1 of the first ({k}) must equal axis {(b.NDim == 1 ? -1 : -2)} of the second ({b2.Dims[^2]})");
        var batch = BroadcastBatch(a, b, a2.Dims[..^2], b2.Dims[..^2]);
        var x = a2.AsGemmOperand();
        var y = b2.AsGemmOperand();
        var outDims = new List<int>(batch);
        if (a.NDim > 1) outDims.Add(m);
        if (b.NDim > 1) outDims.Add(n);
        var result = NewUninitialized([.. outDims]);
        BatchedGemm.Run(x, y, result.Data, batch, batch);
        GradientTape.Record(result, a, b,
            g => MatMulGradient(GemmOperand.Dense(g.Contiguous().ToArrayShared(), batch, m, n), y.T(), a, batch),
            g => MatMulGradient(x.T(), GemmOperand.Dense(g.Contiguous().ToArrayShared(), batch, m, n), b, batch));
        return result;
    }

    /// <summary>Matrix product <c>this · other</c>; see <see cref="MatMul(Tensor, Tensor)"/>.</summary>
    public Tensor MatMul(Tensor other) => MatMul(this, other);

    /// <summary>d(input) = x·y summed over the batch axes the input was broadcast along; shaped like the input.</summary>
    private static Tensor MatMulGradient(GemmOperand x, GemmOperand y, Tensor input, int[] batch)
    {
        var grad = NewUninitialized(input.Dims);
        int inputBatchRank = Math.Max(0, input.NDim - 2);
        BatchedGemm.Run(x, y, grad.Data, input.Dims[..inputBatchRank], batch);
        return grad;
    }

    /// <summary>A view of rank ≥ 2: a 1-D operand becomes (1, k) when it is the first, (k, 1) when the second.</summary>
    private static Tensor AsMatrices(Tensor t, bool rowVector)
    {
        if (t.NDim >= 2) return t;
        int len = t.Dims[0], stride = t.Strides[0];
        return rowVector
            ? View(t.Data, t.Offset, [1, len], [len * stride, stride])
            : View(t.Data, t.Offset, [len, 1], [stride, 1]);
    }

    /// <summary>numpy broadcasting of the batch axes (aligned on the right; equal or 1).</summary>
    private static int[] BroadcastBatch(Tensor a, Tensor b, int[] ba, int[] bb)
    {
        var r = new int[Math.Max(ba.Length, bb.Length)];
        for (int i = 0; i < r.Length; i++)
        {
            int da = i < r.Length - ba.Length ? 1 : ba[i - (r.Length - ba.Length)];
            int db = i < r.Length - bb.Length ? 1 : bb[i - (r.Length - bb.Length)];
            if (da != db && da != 1 && db != 1)
                throw new ArgumentException($"Matmul batch axes do not broadcast: cannot multiply {a.Shape} by {b.Shape}: batch axes {Shape.Format(ba)} and {Shape.Format(bb)} differ at axis {i - r.Length - 2} ({da} vs {db})");
            r[i] = da == 1 ? db : da;
        }
        return r;
    }

    /// <summary>The storage of a contiguous tensor that starts at offset 0 and fills its array, else a copy.</summary>
    private float[] ToArrayShared() => Offset == 0 && Data.Length == Size && IsContiguous ? Data : ToArray();
}
