namespace NotebookNN.Compute.Gemm;

/// <summary>
/// Z[b] (+)= X[b]·Y[b] over a broadcast batch, through <see cref="Gemm"/>. Batch axes of X, Y and Z align on the
/// right (numpy); an axis of size 1 or missing is broadcast. When Z has fewer batch elements than the full batch
/// (a gradient summed over broadcast axes), the products for one Z matrix accumulate (beta 1 after the first).
/// </summary>
internal static class BatchedGemm
{
    public static void Run(GemmOperand x, GemmOperand y, float[] z, int[] zBatchDims, int[] fullBatch, in Epilogue epilogue = default)
    {
        int m = x.Rows, k = x.Cols, n = y.Cols;
        if (m == 0 || n == 0) return;
        // One GEMM when the batch folds away: Y shared by every batch (rows of X and Z stack), or Z not batched
        // (the batch joins the depth of the product, which is the sum over it).
        int full = Count(fullBatch);
        if (y.BatchCount == 1 && Count(zBatchDims) == full && x.BatchCount == full && !x.Trans
            && x.TryMergeBatch(out var xr))
        {
            Sgemm(xr, y.At(0), z, 0, 0f, epilogue);
            return;
        }
        if (Count(zBatchDims) == 1 && x.Trans && !y.Trans && x.BatchCount == full && y.BatchCount == full
            && x.TryMergeBatch(out var xk) && y.TryMergeBatch(out var yk))
        {
            Sgemm(xk, yk, z, 0, 0f, epilogue);
            return;
        }
        var zStrides = GemmOperand.DenseBatchStrides(zBatchDims, m * n);
        var xs = Broadcast(x.BatchDims, x.BatchStrides, fullBatch);
        var ys = Broadcast(y.BatchDims, y.BatchStrides, fullBatch);
        var zs = Broadcast(zBatchDims, zStrides, fullBatch);
        var written = new bool[Count(zBatchDims)];
        var index = new int[fullBatch.Length];
        int total = full, xo = 0, yo = 0, zo = 0;
        for (int b = 0; b < total; b++)
        {
            int zb = zo / (m * n);
            Sgemm(x.At(xo), y.At(yo), z, zo, written[zb] ? 1f : 0f, epilogue);
            written[zb] = true;
            for (int ax = fullBatch.Length - 1; ax >= 0; ax--) // odometer over the full batch
            {
                xo += xs[ax]; yo += ys[ax]; zo += zs[ax];
                if (++index[ax] < fullBatch[ax]) break;
                xo -= xs[ax] * fullBatch[ax]; yo -= ys[ax] * fullBatch[ax]; zo -= zs[ax] * fullBatch[ax];
                index[ax] = 0;
            }
        }
        for (int i = 0; i < written.Length; i++)
            if (!written[i]) z.AsSpan(i * m * n, m * n).Clear(); // empty broadcast batch: the sum is 0
    }

    private static void Sgemm(GemmOperand x, GemmOperand y, float[] z, int zOffset, float beta, in Epilogue epilogue) =>
        Gemm.Sgemm(x.Trans, y.Trans, x.Rows, y.Cols, x.Cols, 1f, x.Data.AsSpan(x.Offset), x.Ld,
            y.Data.AsSpan(y.Offset), y.Ld, beta, z.AsSpan(zOffset), Math.Max(1, y.Cols), epilogue);

    private static int Count(int[] dims) { int n = 1; foreach (var d in dims) n *= d; return n; }

    /// <summary>Strides of an operand's batch axes aligned to the full batch; 0 on broadcast axes.</summary>
    private static int[] Broadcast(int[] dims, int[] strides, int[] full)
    {
        var s = new int[full.Length];
        for (int i = 0; i < dims.Length; i++)
        {
            int f = full.Length - dims.Length + i;
            s[f] = dims[i] == 1 ? 0 : strides[i];
        }
        return s;
    }
}
