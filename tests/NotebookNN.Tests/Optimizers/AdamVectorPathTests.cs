using NotebookNN.Optimizers;
using NotebookNN.Compute.Drivers;

namespace NotebookNN.Tests.Optimizers;

/// <summary>Adam's 16-wide update (reciprocal estimate + Newton step instead of a division) against a float64
/// reference of Keras's rule, on variables long enough to run mostly in vectors and to be split across the cores.</summary>
public class AdamVectorPathTests
{
    [Theory]
    [InlineData(70, false)]
    [InlineData(40_003, false)] // above ParallelThresholds.OptimizerUpdate: split across the compute pool, odd tail
    [InlineData(70, true)] // the Vector256 form (AVX2 machines) forced where AVX-512 would be taken
    [InlineData(40_003, true)]
    public void LongVariable_MatchesFloat64Rule(int n, bool vector256)
    {
        UpdateDriver.ForceVector256 = vector256;
        try { LongVariable(n); }
        finally { UpdateDriver.ForceVector256 = false; }
    }

    private static void LongVariable(int n)
    {
        var rng = new Random(5);
        var w0 = Enumerable.Range(0, n).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var v = new Variable(Tensor.From(w0.Select(x => (float)x).ToArray()), "w");
        var adam = new Adam(learningRate: 0.01);
        double[] w = (double[])w0.Clone(), m = new double[n], s = new double[n];
        for (int t = 1; t <= 4; t++)
        {
            var g = Enumerable.Range(0, n).Select(i => (float)((rng.NextDouble() - 0.5) * Math.Pow(10, i % 5 - 2))).ToArray();
            adam.Apply([Tensor.From(g)], [v]);
            double alpha = 0.01 * Math.Sqrt(1 - Math.Pow(0.999, t)) / (1 - Math.Pow(0.9, t));
            for (int i = 0; i < n; i++)
            {
                m[i] += (g[i] - m[i]) * 0.1;
                s[i] += ((double)g[i] * g[i] - s[i]) * 0.001;
                w[i] -= m[i] * alpha / (Math.Sqrt(s[i]) + 1e-7);
            }
            var got = v.ToArray();
            for (int i = 0; i < n; i++)
                Assert.True(Math.Abs(got[i] - w[i]) <= 1e-6, $"step {t}, element {i}: expected {w[i]}, got {got[i]}");
        }
    }

    [Fact]
    public void OverflowedSecondMoment_LeavesWeightsFinite()
    {
        var v = new Variable(Tensor.Ones([32]), "w");
        new Adam().Apply([Tensor.Full([32], 1e30f)], [v]); // g² overflows to +inf: the step is m·α/inf = 0
        Assert.All(v.ToArray(), x => Assert.Equal(1f, x));
    }
}
