using NotebookNN.Compute.Gemm;

namespace NotebookNN.Tests.Compute;

/// <summary>
/// Operands read in place (no packing): B for products with few rows, A for narrow products. The operand is placed so
/// that its last element ends a readable page and the next page is unreadable: a kernel that loaded past column n of
/// B's last row, or past the last row of A (an edge tile of fewer than MR rows), would crash the test run.
/// </summary>
public class GemmGuardPageTests
{
    [SkippableTheory]
    [InlineData(1, 10, 5)]
    [InlineData(8, 33, 17)]
    [InlineData(32, 100, 300)]
    [InlineData(17, 47, 9)]
    [InlineData(64, 300, 40)]
    public void UnpackedB_IsNotReadPastItsLastElement(int m, int n, int k)
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "mmap guard pages: Linux only");
        var rng = new Random(m * 1000 + n);
        using var guarded = new GuardedFloats(k * n);
        var b = Fill(rng, guarded.Span); // ends exactly at the guard page
        var a = Fill(rng, new float[m * k]);
        CheckOnEachIsa(false, m, n, k, a, b, directA: null);
    }

    [SkippableTheory]
    [InlineData(1, 16, 5, false)]
    [InlineData(7, 33, 17, false)]
    [InlineData(13, 64, 288, false)]
    [InlineData(7, 33, 17, true)]
    [InlineData(13, 64, 289, true)]
    public void InPlaceA_IsNotReadPastItsLastElement(int m, int n, int k, bool transA)
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "mmap guard pages: Linux only");
        var rng = new Random(m * 100 + k);
        using var guarded = new GuardedFloats(m * k);
        var a = Fill(rng, guarded.Span); // ends exactly at the guard page
        var b = Fill(rng, new float[k * n]);
        CheckOnEachIsa(transA, m, n, k, a, b, directA: true);
    }

    private static Span<float> Fill(Random rng, Span<float> x)
    {
        for (int i = 0; i < x.Length; i++) x[i] = (float)rng.NextDouble() - 0.5f;
        return x;
    }

    /// <summary>C = op(A)·B on every path (A stored k × m when transposed), against a float64 sum.</summary>
    private static void CheckOnEachIsa(bool transA, int m, int n, int k, ReadOnlySpan<float> a, ReadOnlySpan<float> b, bool? directA)
    {
        var c = new float[m * n];
        foreach (var isa in GemmTests.Isas())
        {
            try
            {
                Gemm.ForcedIsa = isa; Gemm.ForcedDirectA = directA;
                Gemm.Sgemm(transA, false, m, n, k, 1f, a, transA ? m : k, b, n, 0f, c, n);
            }
            finally { Gemm.ForcedIsa = null; Gemm.ForcedDirectA = null; }
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++)
                {
                    double want = 0;
                    for (int p = 0; p < k; p++) want += (double)a[transA ? p * m + i : i * k + p] * b[p * n + j];
                    Assert.True(Math.Abs(c[i * n + j] - want) <= 1e-5 * (1 + Math.Abs(want)), $"{isa} C[{i},{j}] = {c[i * n + j]}, expected {want}");
                }
        }
    }
}
