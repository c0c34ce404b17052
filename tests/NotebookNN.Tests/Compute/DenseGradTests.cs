using NotebookNN.Compute.Ops;
using NotebookNN.Compute.Gemm;

namespace NotebookNN.Tests.Compute;

/// <summary>The one-pass activation-gradient + bias-gradient of a fused dense backward, against a naive reference,
/// with widths that exercise the 16-wide body and the scalar tail.</summary>
public class DenseGradTests
{
    [Theory]
    [InlineData(1, 5, 37, true)]
    [InlineData(1, 3, 16, false)]
    [InlineData(0, 4, 35, true)]
    [InlineData(2, 3, 20, true)] // sigmoid: the two-pass path
    [InlineData(1, 300, 517, true)] // ≥ 64K elements: row chunks on the cores, partial sums added in chunk order
    [InlineData(0, 257, 300, true)]
    [InlineData(1, 400, 200, false)]
    public void MatchesNaiveReference(int act, int rows, int cols, bool bias)
    {
        var rng = new Random(act * 100 + cols);
        var y = new float[rows * cols];
        var g = new float[rows * cols];
        for (int i = 0; i < y.Length; i++)
        {
            y[i] = act == 2 ? (float)rng.NextDouble() : (float)(rng.NextDouble() - 0.5); // relu outputs: zeros and positives below
            if (act == 1) y[i] = Math.Max(y[i], 0f);
            g[i] = (float)(rng.NextDouble() * 2 - 1);
        }
        var dz = new float[rows * cols];
        var sums = bias ? new float[cols] : [];
        DenseGrad.ActivationAndBias((FusedActivation)act, y, g, dz, rows, cols, sums);

        var expectedSums = new double[cols];
        var absSums = new double[cols];
        for (int r = 0; r < rows; r++)
            for (int j = 0; j < cols; j++)
            {
                int i = r * cols + j;
                double d = act switch { 1 => y[i] > 0 ? g[i] : 0, 2 => g[i] * y[i] * (1.0 - y[i]), _ => g[i] };
                Assert.True(Math.Abs(dz[i] - d) <= 1e-6, $"dz[{r},{j}] = {dz[i]}, expected {d}");
                expectedSums[j] += d;
                absSums[j] += Math.Abs(d);
            }
        for (int j = 0; j < sums.Length; j++)
            Assert.True(Math.Abs(sums[j] - expectedSums[j]) <= 1e-5 + 1e-6 * absSums[j], $"sum[{j}] = {sums[j]}, expected {expectedSums[j]}"); // float32 summation error grows with Σ|d|
    }

    [Fact]
    public void LinearGradientMayBeComputedInPlace()
    {
        float[] g = [.. Enumerable.Range(0, 2 * 18).Select(i => i * 0.5f - 3f)];
        var copy = (float[])g.Clone();
        var sums = new float[18];
        DenseGrad.ActivationAndBias(FusedActivation.Linear, new float[g.Length], g, g, 2, 18, sums);
        Assert.Equal(copy, g);
        for (int j = 0; j < 18; j++) Assert.Equal(copy[j] + copy[18 + j], sums[j], 5e-6);
    }
}
