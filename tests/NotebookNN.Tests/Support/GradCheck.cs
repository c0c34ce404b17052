using NotebookNN;

namespace NotebookNN.Tests.Support;

/// <summary>
/// Checks a tape gradient against central finite differences. For a random weighting w of the output,
/// the tape's vector-Jacobian product (outputGradient: w) must equal d(Σ w·f(x))/dx computed numerically
/// in float64 from float32 forward passes.
/// </summary>
public static class GradCheck
{
    /// <summary>
    /// Asserts that the tape gradient of <paramref name="f"/> with respect to every input matches finite
    /// differences. <paramref name="inputs"/> are perturbed one element at a time; keep them small.
    /// </summary>
    public static void Check(Func<Tensor[], Tensor> f, Tensor[] inputs, double step = 1e-2, double tolerance = 2e-2, int seed = 1)
    {
        var rng = new Random(seed);
        var probe = f(inputs);
        var w = new float[probe.Size];
        for (int i = 0; i < w.Length; i++) w[i] = (float)(rng.NextDouble() * 2 - 1);
        var weights = Tensor.From(w, probe.Shape);

        Tensor?[] analytic;
        using (var tape = new GradientTape())
        {
            foreach (var x in inputs) tape.Watch(x);
            var y = f(inputs);
            analytic = tape.Gradient(y, inputs, weights);
        }

        for (int k = 0; k < inputs.Length; k++)
        {
            var x = inputs[k];
            var values = x.ToArray();
            var numeric = new double[values.Length];
            for (int i = 0; i < values.Length; i++)
            {
                float orig = values[i];
                double plus = Weighted(f, inputs, k, values, i, orig + (float)step, w);
                double minus = Weighted(f, inputs, k, values, i, orig - (float)step, w);
                values[i] = orig;
                numeric[i] = (plus - minus) / (2 * step);
            }
            var got = analytic[k]?.ToArray() ?? new float[values.Length];
            Assert.Equal(values.Length, got.Length);
            double scale = Math.Max(1.0, numeric.Max(Math.Abs));
            for (int i = 0; i < values.Length; i++)
                Assert.True(Math.Abs(got[i] - numeric[i]) <= tolerance * scale,
                    $"input {k} element {i}: tape gradient {got[i]} vs finite difference {numeric[i]} (shape {x.Shape})");
        }
    }

    private static double Weighted(Func<Tensor[], Tensor> f, Tensor[] inputs, int k, float[] values, int i, float v, float[] w)
    {
        values[i] = v;
        var moved = (Tensor[])inputs.Clone();
        moved[k] = Tensor.From(values, inputs[k].Shape);
        var y = f(moved).ToArray();
        double s = 0;
        for (int j = 0; j < y.Length; j++) s += (double)w[j] * y[j];
        return s;
    }
}
