namespace NotebookNN.Tests.Tuning;

/// <summary>HyperParameters: defaults, validation, and the distributions the samplers draw from.</summary>
public class HyperParametersTests
{
    [Fact]
    public void OutsideASearchEveryCallReturnsItsDefault()
    {
        var hp = new HyperParameters();
        Assert.Equal(0, hp.Int("n_hidden", 0, 3));
        Assert.Equal(3e-4, hp.Float("learning_rate", 3e-4, 3e-2, sampling: "log"));
        Assert.Equal(64, hp.Choice("units", [32, 64], defaultValue: 64));
        Assert.Equal("relu", hp.Choice("act", ["relu", "tanh"]));
        Assert.False(hp.Boolean("dropout"));
        Assert.Equal(2, hp.Int("n_hidden", 0, 3) + 2);                  // asking again returns the same value
        Assert.Equal(["n_hidden", "learning_rate", "units", "act", "dropout"], hp.Space.Select(p => p.Name));
        Assert.Equal("n_hidden: 0, learning_rate: 0.0003, units: 64, act: relu, dropout: False", hp.ToString());
    }

    [Fact]
    public void InvalidDimensionsAreRejected()
    {
        var hp = new HyperParameters();
        Assert.Contains("`min_value` (5)", Assert.Throws<ArgumentException>(() => hp.Int("a", 5, 3)).Message);
        Assert.Contains("min_value: 0", Assert.Throws<ArgumentException>(() => hp.Float("b", 0, 1, sampling: "log")).Message);
        Assert.Contains("sampling=cubic", Assert.Throws<ArgumentException>(() => hp.Float("c", 1, 2, sampling: "cubic")).Message);
        Assert.Contains("default=9", Assert.Throws<ArgumentException>(() => hp.Choice("d", [1, 2], defaultValue: 9)).Message);
        Assert.Contains("'missing'", Assert.ThrowsAny<KeyNotFoundException>(() => hp.Get<int>("missing")).Message);
    }

    [Fact]
    public void SamplersStayInRangeOnTheGridAndLogIsUniformInLogSpace()
    {
        var rng = new Random(1);
        var ints = new HyperParameters();
        var intParam = new IntHyperParameter("n", 2, 20, 3, "linear", null);
        var seenInts = Enumerable.Range(0, 2000).Select(_ => (int)intParam.Sample(rng)).ToHashSet();
        Assert.Equal([2, 5, 8, 11, 14, 17, 20], seenInts.Order());

        var logParam = new FloatHyperParameter("lr", 1e-4, 1e-0, null, "log", null);
        var values = Enumerable.Range(0, 4000).Select(_ => (double)logParam.Sample(rng)).ToArray();
        Assert.All(values, v => Assert.InRange(v, 1e-4, 1.0));
        // Log-uniform: each decade holds about a quarter of the draws.
        for (int d = 0; d < 4; d++)
            Assert.InRange(values.Count(v => v >= Math.Pow(10, -4 + d) && v < Math.Pow(10, -3 + d)) / 4000.0, 0.21, 0.29);
        var linear = new FloatHyperParameter("p", 0, 1, 0.25, "linear", null);
        Assert.Equal([0, 0.25, 0.5, 0.75, 1], Enumerable.Range(0, 500).Select(_ => (double)linear.Sample(rng)).Distinct().Order());
    }
}
