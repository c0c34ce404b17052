using NotebookNN;
using NotebookNN.Compute.Gemm;

namespace NotebookNN.Tests.Compute;

/// <summary>
/// A GEMM problem with random operands and its naive float64 reference. Error measure: for each element,
/// |C − Cref| ≤ tol · S_ij (+ 1e-6 after Sigmoid/Tanh, whose float32 evaluation has an absolute error), where
/// S_ij = |alpha|·Σ_p |op(A)_ip|·|op(B)_pj| + |beta·C0_ij| + |bias_j| bounds the size of every term summed.
/// Matrix padding (between the width and the leading dimension) holds NaN in A and B, so reading it shows up, and a
/// sentinel in C, which must stay untouched.
/// </summary>
internal sealed class GemmCase
{
    public const float Sentinel = 12345f;
    public bool TransA, TransB;
    public int M, N, K, Lda, Ldb, Ldc;
    public float Alpha = 1, Beta;
    public float[] A = [], B = [], C0 = [], Bias = [];
    public FusedActivation Act;

    public static GemmCase Random(Random rng, bool ta, bool tb, int m, int n, int k, float alpha, float beta, int pad,
        bool bias = false, FusedActivation act = FusedActivation.Linear)
    {
        var g = new GemmCase { TransA = ta, TransB = tb, M = m, N = n, K = k, Alpha = alpha, Beta = beta, Act = act };
        g.Lda = Math.Max(1, ta ? m : k) + pad; g.Ldb = Math.Max(1, tb ? k : n) + pad; g.Ldc = Math.Max(1, n) + pad;
        g.A = Fill(rng, ta ? k : m, ta ? m : k, g.Lda, float.NaN);
        g.B = Fill(rng, tb ? n : k, tb ? k : n, g.Ldb, float.NaN);
        g.C0 = Fill(rng, m, n, g.Ldc, Sentinel);
        if (beta == 0 && n > 0) for (int i = 0; i < m; i++) g.C0.AsSpan(i * g.Ldc, n).Fill(float.NaN); // must never be read
        if (bias) { g.Bias = new float[n]; for (int j = 0; j < n; j++) g.Bias[j] = rng.NextSingle() * 2 - 1; }
        return g;
    }

    private static float[] Fill(Random rng, int rows, int cols, int ld, float padValue)
    {
        var x = new float[rows == 0 || cols == 0 ? 0 : (rows - 1) * ld + cols];
        for (int i = 0; i < x.Length; i++) x[i] = i % ld < cols ? rng.NextSingle() * 2 - 1 : padValue;
        return x;
    }

    public float OpA(int i, int p) => TransA ? A[p * Lda + i] : A[i * Lda + p];
    public float OpB(int p, int j) => TransB ? B[j * Ldb + p] : B[p * Ldb + j];

    /// <summary>Reference values and the per-element scale S_ij, in float64.</summary>
    public (double[] Ref, double[] Scale) Reference()
    {
        var r = new double[M * N]; var s = new double[M * N];
        var bT = new double[N * K]; // op(B) transposed, for a contiguous inner loop
        for (int p = 0; p < K; p++) for (int j = 0; j < N; j++) bT[j * K + p] = OpB(p, j);
        var aRow = new double[K];
        for (int i = 0; i < M; i++)
        {
            for (int p = 0; p < K; p++) aRow[p] = OpA(i, p);
            for (int j = 0; j < N; j++)
            {
                double sum = 0, abs = 0;
                for (int p = 0; p < K; p++) { double t = aRow[p] * bT[j * K + p]; sum += t; abs += Math.Abs(t); }
                double v = Alpha * sum, sc = Math.Abs(Alpha) * abs;
                if (Beta != 0) { v += (double)Beta * C0[i * Ldc + j]; sc += Math.Abs((double)Beta * C0[i * Ldc + j]); }
                if (Bias.Length > 0) { v += Bias[j]; sc += Math.Abs(Bias[j]); }
                r[i * N + j] = Act switch
                {
                    FusedActivation.Relu => Math.Max(v, 0),
                    FusedActivation.Sigmoid => 1 / (1 + Math.Exp(-v)),
                    FusedActivation.Tanh => Math.Tanh(v),
                    _ => v,
                };
                s[i * N + j] = sc;
            }
        }
        return (r, s);
    }

    /// <summary>Runs Gemm.Sgemm on a copy of C0 and checks it against <paramref name="reference"/>.</summary>
    public void RunAndCheck((double[] Ref, double[] Scale) reference, string label, double tol = 1e-5)
    {
        var c = (float[])C0.Clone();
        NotebookNN.Compute.Gemm.Gemm.Sgemm(TransA, TransB, M, N, K, Alpha, A, Lda, B, Ldb, Beta, c, Ldc, new NotebookNN.Compute.Gemm.Epilogue(Bias, Act));
        double floor = Act is FusedActivation.Sigmoid or FusedActivation.Tanh ? 1e-6 : 0;
        for (int i = 0; i < M; i++)
        {
            for (int j = 0; j < N; j++)
            {
                double got = c[i * Ldc + j], want = reference.Ref[i * N + j];
                if (!(Math.Abs(got - want) <= tol * reference.Scale[i * N + j] + floor))
                    Assert.Fail($"{label} {Describe()}: C[{i},{j}] = {got}, reference {want} (scale {reference.Scale[i * N + j]})");
            }
            for (int j = N; j < Ldc && i * Ldc + j < c.Length; j++)
                if (c[i * Ldc + j] != Sentinel) Assert.Fail($"{label} {Describe()}: padding C[{i},{j}] was written");
        }
    }

    public string Describe() => $"transA={TransA} transB={TransB} m={M} n={N} k={K} alpha={Alpha} beta={Beta} lda={Lda} ldb={Ldb} ldc={Ldc} bias={Bias.Length > 0} act={Act}";
}
