using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NotebookNN.Learn;

/// <summary>
/// float64 weights against float32 rows, widened exactly on the fly (so a 55,000 × 784 training set is never copied to
/// float64): the dot product and the scaled add of scikit-learn's <c>WeightVector</c>, rounded as there.
/// </summary>
internal static class WideningKernels
{
    /// <summary>
    /// For q &lt; <paramref name="count"/> (at most 4): Σ w_q[j]·x[start_q + j] in float64, each summed from j = 0 upwards
    /// as scikit-learn's loop sums it. The order matters: SGD with a smooth loss amplifies a last-bit difference in one
    /// margin into percent-level differences in the weights after tens of epochs (a 4×4-lane vector sum left the weights
    /// 2 % away from scikit-learn's on breast_cancer), while this order reproduces them. One sum is a chain of dependent
    /// adds; four independent ones, interleaved, fill the pipeline.
    /// </summary>
    public static unsafe void Dots(double[][] w, float[] x, int[] starts, int length, int count, double[] result)
    {
        if ((uint)count > 4) throw new ArgumentOutOfRangeException(nameof(count));
        for (int q = 0; q < count; q++)
            if (w[q].Length < length || (uint)starts[q] > (uint)(x.Length - length)) throw new ArgumentOutOfRangeException(nameof(starts));
        fixed (float* xp = x)
        fixed (double* w0 = w[0], w1 = count > 1 ? w[1] : w[0], w2 = count > 2 ? w[2] : w[0], w3 = count > 3 ? w[3] : w[0])
        {
            float* x0 = xp + starts[0], x1 = xp + (count > 1 ? starts[1] : starts[0]), x2 = xp + (count > 2 ? starts[2] : starts[0]),
                x3 = xp + (count > 3 ? starts[3] : starts[0]);
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            switch (count)
            {
                case 4:
                    int v = 0;
                    if (Avx.IsSupported)
                        // Products four at a time in vectors (each rounded once, as the scalar product is), summed lane by lane in order.
                        for (; v <= length - 4; v += 4)
                        {
                            var p0 = Avx.ConvertToVector256Double(Sse.LoadVector128(x0 + v)) * Avx.LoadVector256(w0 + v);
                            var p1 = Avx.ConvertToVector256Double(Sse.LoadVector128(x1 + v)) * Avx.LoadVector256(w1 + v);
                            var p2 = Avx.ConvertToVector256Double(Sse.LoadVector128(x2 + v)) * Avx.LoadVector256(w2 + v);
                            var p3 = Avx.ConvertToVector256Double(Sse.LoadVector128(x3 + v)) * Avx.LoadVector256(w3 + v);
                            s0 += p0.GetElement(0); s1 += p1.GetElement(0); s2 += p2.GetElement(0); s3 += p3.GetElement(0);
                            s0 += p0.GetElement(1); s1 += p1.GetElement(1); s2 += p2.GetElement(1); s3 += p3.GetElement(1);
                            s0 += p0.GetElement(2); s1 += p1.GetElement(2); s2 += p2.GetElement(2); s3 += p3.GetElement(2);
                            s0 += p0.GetElement(3); s1 += p1.GetElement(3); s2 += p2.GetElement(3); s3 += p3.GetElement(3);
                        }
                    for (int j = v; j < length; j++) { s0 += w0[j] * x0[j]; s1 += w1[j] * x1[j]; s2 += w2[j] * x2[j]; s3 += w3[j] * x3[j]; }
                    break;
                case 3:
                    for (int j = 0; j < length; j++) { s0 += w0[j] * x0[j]; s1 += w1[j] * x1[j]; s2 += w2[j] * x2[j]; }
                    break;
                case 2:
                    for (int j = 0; j < length; j++) { s0 += w0[j] * x0[j]; s1 += w1[j] * x1[j]; }
                    break;
                case 1:
                    for (int j = 0; j < length; j++) s0 += w0[j] * x0[j];
                    break;
            }
            result[0] = s0;
            if (count > 1) result[1] = s1;
            if (count > 2) result[2] = s2;
            if (count > 3) result[3] = s3;
        }
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
