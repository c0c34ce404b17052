using NotebookNN;

namespace NotebookNN.Tests.Ops;

/// <summary>Inputs, lengths and float64 comparisons shared by the elementwise op tests.</summary>
internal static class OpsTestHelpers
{
    /// <summary>Every length 0..256 (all vector tails and unroll remainders) plus one that takes the threaded path.</summary>
    public static IEnumerable<int> Lengths => Enumerable.Range(0, 257).Append(100_003);

    public static float[] Uniform(int n, double lo, double hi, int seed)
    {
        var rng = new Random(seed);
        var v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float)(lo + (hi - lo) * rng.NextDouble());
        return v;
    }

    /// <summary>Uniform values with |x| ≥ gap, keeping finite differences away from kinks at 0.</summary>
    public static float[] AwayFromZero(int n, double range, double gap, int seed)
    {
        var v = Uniform(n, gap, range, seed);
        var rng = new Random(seed + 7);
        for (int i = 0; i < n; i++) if (rng.Next(2) == 0) v[i] = -v[i];
        return v;
    }

    public static Tensor T(float[] values, params int[] dims) => Tensor.From(values, dims);

    /// <summary>|got − expected| ≤ tol·max(1, |expected|) elementwise; NaN must match NaN and infinities exactly.</summary>
    public static void AssertClose(ReadOnlySpan<float> got, double[] expected, double tol, string context)
    {
        Assert.True(got.Length == expected.Length, $"{context}: length {got.Length} vs expected {expected.Length}");
        for (int i = 0; i < got.Length; i++)
        {
            double e = expected[i], g = got[i];
            bool ok = double.IsNaN(e) ? double.IsNaN(g)
                : double.IsInfinity(e) || Math.Abs(e) > float.MaxValue ? g == (float)e
                : Math.Abs(g - e) <= tol * Math.Max(1.0, Math.Abs(e));
            if (!ok) Assert.Fail($"{context}[{i}]: got {g}, expected {e}"); // message built only on failure
        }
    }

    /// <summary>erf in float64 by its Maclaurin series (|x| ≤ 5; beyond, ±1 to 1e-12).</summary>
    public static double Erf(double x)
    {
        if (Math.Abs(x) > 5) return Math.Sign(x);
        double sum = 0, term = x;
        for (int n = 0; n < 200; n++)
        {
            sum += term / (2 * n + 1);
            term *= -x * x / (n + 1);
        }
        return 2 / Math.Sqrt(Math.PI) * sum;
    }

    /// <summary>Row-major multi-index of a flat position.</summary>
    public static int[] Unravel(int flat, int[] dims)
    {
        var idx = new int[dims.Length];
        for (int k = dims.Length - 1; k >= 0; k--) { idx[k] = flat % dims[k]; flat /= dims[k]; }
        return idx;
    }

    /// <summary>Flat position of a multi-index, reading size-1 (stretched) axes at 0 and aligning from the right.</summary>
    public static int RavelBroadcast(int[] idx, int[] dims)
    {
        int flat = 0, lead = idx.Length - dims.Length;
        for (int k = 0; k < dims.Length; k++) flat = flat * dims[k] + (dims[k] == 1 ? 0 : idx[lead + k]);
        return flat;
    }
}
