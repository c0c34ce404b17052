using System.Runtime.Intrinsics;

namespace NotebookNN;

/// <summary>
/// float64 weights against float32 rows, widened exactly on the fly (so a 55,000 × 784 training set is never copied to
/// float64): the dot product and the scaled add of scikit-learn's <c>WeightVector</c>, rounded as there.
/// </summary>
internal static class WideningKernels
{
    /// <summary>
    /// Σ w[j]·x[j] in float64, summed from j = 0 upwards as scikit-learn's loop sums it. The order matters: SGD with a
    /// smooth loss amplifies a last-bit difference in one margin into percent-level differences in the weights after
    /// tens of epochs (a 4×4-lane vector sum left the weights 2 % away from scikit-learn's on breast_cancer), while this
    /// order reproduces them. Latency-bound (one dependent add per feature), as scikit-learn's is.
    /// </summary>
    public static double Dot(ReadOnlySpan<double> w, ReadOnlySpan<float> x)
    {
        w = w[..x.Length];
        double sum = 0;
        for (int j = 0; j < x.Length; j++) sum += w[j] * x[j];
        return sum;
    }

    /// <summary>w[j] += x[j]·k (a product and a sum, each rounded, as scikit-learn's C loop computes it).</summary>
    public static void AddScaled(Span<double> w, ReadOnlySpan<float> x, double k)
    {
        int n = x.Length, j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var kv = Vector256.Create(k);
            for (; j <= n - 8; j += 8)
            {
                var v = Vector256.Create(x.Slice(j, 8));
                (Vector256.Create((ReadOnlySpan<double>)w.Slice(j, 4)) + Vector256.WidenLower(v) * kv).CopyTo(w.Slice(j, 4));
                (Vector256.Create((ReadOnlySpan<double>)w.Slice(j + 4, 4)) + Vector256.WidenUpper(v) * kv).CopyTo(w.Slice(j + 4, 4));
            }
        }
        for (; j < n; j++) w[j] += x[j] * k;
    }
}
