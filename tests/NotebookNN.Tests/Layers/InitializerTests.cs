using NotebookNN.Initializers;

namespace NotebookNN.Tests.Layers;

/// <summary>Each initializer's distribution (bounds, mean, std within statistical tolerance), fans, and seeding.</summary>
public class InitializerTests
{
    private static (double Mean, double Std, double Min, double Max) Stats(Tensor t)
    {
        var v = t.ToArray().Select(x => (double)x).ToArray();
        double mean = v.Average();
        return (mean, Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / v.Length), v.Min(), v.Max());
    }

    // A (400, 600) kernel: fan_in 400, fan_out 600, fan_avg 500; 240,000 draws.
    [Theory]
    [InlineData("glorot_uniform", 1.0 / 500, true)]
    [InlineData("he_uniform", 2.0 / 400, true)]
    [InlineData("lecun_uniform", 1.0 / 400, true)]
    [InlineData("glorot_normal", 1.0 / 500, false)]
    [InlineData("he_normal", 2.0 / 400, false)]
    [InlineData("lecun_normal", 1.0 / 400, false)]
    public void VarianceScalingFamilies(string name, double variance, bool uniform)
    {
        Utils.SetRandomSeed(9);
        var (mean, std, min, max) = Stats(((Initializer)name).Call(new Shape(400, 600)));
        double sigma = Math.Sqrt(variance);
        Assert.True(Math.Abs(mean) < 0.01 * sigma * 5, $"{name} mean {mean}");
        Assert.True(Math.Abs(std / sigma - 1) < 0.01, $"{name} std {std}, expected {sigma}");
        double bound = uniform ? Math.Sqrt(3 * variance) : 2 * sigma / 0.87962566103423978;
        Assert.True(max <= bound * (1 + 1e-6) && min >= -bound * (1 + 1e-6), $"{name} range [{min}, {max}] beyond ±{bound}");
        Assert.True(max > bound * 0.97 && min < -bound * 0.97, $"{name} does not reach its bounds ±{bound}");
    }

    [Fact]
    public void FansOfVectorsAndConvolutionKernels()
    {
        Utils.SetRandomSeed(9);
        // Rank 1: fan_in = fan_out = n. Glorot bound sqrt(6 / (2n)).
        Assert.True(Stats(new GlorotUniform().Call(new Shape(3000))).Max <= Math.Sqrt(3.0 / 3000) + 1e-7);
        // (3, 3, 16, 32) conv kernel: fan_in 144, fan_out 288; he_uniform bound sqrt(6/144).
        var (_, std, _, max) = Stats(new HeUniform().Call(new Shape(3, 3, 16, 32)));
        Assert.True(max <= Math.Sqrt(6.0 / 144) + 1e-7);
        Assert.True(Math.Abs(std / Math.Sqrt(2.0 / 144) - 1) < 0.05, $"std {std}");
    }

    [Fact]
    public void SimpleInitializers()
    {
        var shape = new Shape(300, 300);
        Assert.All(new Zeros().Call(shape).ToArray(), v => Assert.Equal(0f, v));
        Assert.All(((Initializer)"ones").Call(shape).ToArray(), v => Assert.Equal(1f, v));
        Assert.All(new Constant(2.5f).Call(shape).ToArray(), v => Assert.Equal(2.5f, v));
        Utils.SetRandomSeed(3);
        var n = Stats(new RandomNormal(mean: 1f, stddev: 0.5f).Call(shape));
        Assert.True(Math.Abs(n.Mean - 1) < 0.01 && Math.Abs(n.Std - 0.5) < 0.01, $"random_normal {n}");
        var d = Stats(((Initializer)"random_normal").Call(shape));
        Assert.True(Math.Abs(d.Std - 0.05) < 0.001, $"random_normal default std {d.Std}");
        var u = Stats(new RandomUniform(-2f, 3f).Call(shape));
        Assert.True(u.Min >= -2 && u.Max < 3 && Math.Abs(u.Mean - 0.5) < 0.03 && Math.Abs(u.Std - 5 / Math.Sqrt(12)) < 0.02, $"random_uniform {u}");
        var du = Stats(((Initializer)"random_uniform").Call(shape));
        Assert.True(du.Min >= -0.05 && du.Max <= 0.05 && du.Max > 0.049);
    }

    [Fact]
    public void SeedsRepeat()
    {
        var shape = new Shape(20, 30);
        Assert.Equal(new GlorotUniform(seed: 5).Call(shape).ToArray(), new GlorotUniform(seed: 5).Call(shape).ToArray());
        Assert.NotEqual(new GlorotUniform(seed: 5).Call(shape).ToArray(), new GlorotUniform(seed: 6).Call(shape).ToArray());
        Utils.SetRandomSeed(77);
        var a = new HeNormal().Call(shape).ToArray();
        var b = new HeNormal().Call(shape).ToArray();
        Assert.NotEqual(a, b);
        Utils.SetRandomSeed(77);
        Assert.Equal(a, new HeNormal().Call(shape).ToArray());
    }

    [Fact]
    public void DenseUsesGlorotUniformKernelAndZeroBiasByDefault()
    {
        Utils.SetRandomSeed(1);
        var model = new Sequential().Add(new NotebookNN.Layers.Dense(400, inputShape: [600]));
        var w = model.GetWeights();
        var s = Stats(w[0]);
        Assert.True(s.Max <= Math.Sqrt(6.0 / 1000) && Math.Abs(s.Std / Math.Sqrt(1.0 / 500) - 1) < 0.02, $"kernel {s}");
        Assert.All(w[1].ToArray(), v => Assert.Equal(0f, v));
    }
}
