namespace NotebookNN.Compute.Gemm;

/// <summary>Argument checks for <see cref="Gemm.Sgemm"/>, with messages naming the offending values.</summary>
internal static class GemmArgs
{
    public static void Validate(bool transA, bool transB, int m, int n, int k, int aLength, int lda,
        int bLength, int ldb, int cLength, int ldc, int biasLength)
    {
        if (m < 0 || n < 0 || k < 0)
            throw new ArgumentOutOfRangeException(m < 0 ? "m" : n < 0 ? "n" : "k", $"GEMM dimensions must be non-negative. Received: m={m}, n={n}, k={k}");
        Matrix("a", transA ? k : m, transA ? m : k, aLength, lda, transA ? "k × m (transA)" : "m × k");
        Matrix("b", transB ? n : k, transB ? k : n, bLength, ldb, transB ? "n × k (transB)" : "k × n");
        Matrix("c", m, n, cLength, ldc, "m × n");
        if (biasLength != 0 && biasLength != n)
            throw new ArgumentException($"The epilogue bias must have one value per column of C (n={n}). Received: bias length={biasLength}", "epilogue");
    }

    private static void Matrix(string name, int rows, int cols, int length, int ld, string layout)
    {
        if (ld < Math.Max(1, cols))
            throw new ArgumentOutOfRangeException("ld" + name, $"The leading dimension of {name} ({layout}: {rows} × {cols}) must be at least max(1, {cols}). Received: ld{name}={ld}");
        long needed = rows == 0 || cols == 0 ? 0 : (long)(rows - 1) * ld + cols;
        if (length < needed)
            throw new ArgumentException($"Span {name} is too short for a {rows} × {cols} matrix with ld{name}={ld}: expected at least {needed} elements. Received: length={length}", name);
    }
}
