using NotebookNN.Datasets;

namespace NotebookNN.Tests.Datasets;

/// <summary>The legacy RandomState against numpy 1.24's own output (Fixtures/datasets/numpy_shuffle.json).</summary>
public class NumpyRandomStateTests
{
    [Theory]
    [InlineData(0L)] [InlineData(1L)] [InlineData(42L)] [InlineData(113L)] [InlineData(226L)] [InlineData(4294967295L)]
    public void RandomSampleAndPermutationMatchNumpy(long seed)
    {
        var expected = DataFixtures.NumpyShuffle.GetProperty($"random_sample_{seed}").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var rs = new NumpyRandomState(seed);
        foreach (var e in expected) Assert.Equal(e, rs.RandomSample());
        Assert.Equal(DataFixtures.NumpyShuffle.GetProperty($"permutation_{seed}_1000").Ints(), new NumpyRandomState(seed).Permutation(1000));
    }

    [Fact]
    public void SeedOutOfRangeIsRejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new NumpyRandomState(-1));
        Assert.Contains("seed=-1", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new NumpyRandomState(1L << 32));
    }
}
