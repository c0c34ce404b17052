using NotebookNN;
using NotebookNN.Randomness;

namespace NotebookNN.Tests.Tensors;

/// <summary>
/// The seeded generator: repeatability, and moments/ranges within statistical bounds (about 5 standard errors,
/// so a correct generator fails with probability below 1e-6 per check, and the seeds are fixed anyway).
/// Tests touching the shared stream live in this one class, which xunit runs sequentially.
/// </summary>
public class RandomTests
{
    private const int N = 1_000_000;

    [Fact]
    public void SameSeedSameNumbersDifferentSeedsDiffer()
    {
        Assert.Equal(Tensor.RandomUniform([1000], seed: 42).ToArray(), Tensor.RandomUniform([1000], seed: 42).ToArray());
        Assert.Equal(Tensor.RandomNormal([1001], seed: 42).ToArray(), Tensor.RandomNormal([1001], seed: 42).ToArray());
        Assert.Equal(Tensor.TruncatedNormal([999], seed: -5).ToArray(), Tensor.TruncatedNormal([999], seed: -5).ToArray());
        Assert.NotEqual(Tensor.RandomUniform([1000], seed: 42).ToArray(), Tensor.RandomUniform([1000], seed: 43).ToArray());
        Assert.NotEqual(Tensor.RandomNormal([1000], seed: 1).ToArray(), Tensor.RandomNormal([1000], seed: 2).ToArray());
    }

    [Fact]
    public void SetRandomSeedMakesTheSharedStreamRepeatable()
    {
        Utils.SetRandomSeed(123);
        var a = (Tensor.RandomUniform([100]).ToArray(), Tensor.RandomNormal([51]).ToArray(), RandomGenerator.Shared.Permutation(20), RandomGenerator.Shared.NextFloat());
        Utils.SetRandomSeed(123);
        var b = (Tensor.RandomUniform([100]).ToArray(), Tensor.RandomNormal([51]).ToArray(), RandomGenerator.Shared.Permutation(20), RandomGenerator.Shared.NextFloat());
        Assert.Equal(a.Item1, b.Item1);
        Assert.Equal(a.Item2, b.Item2);
        Assert.Equal(a.Item3, b.Item3);
        Assert.Equal(a.Item4, b.Item4);
        Utils.SetRandomSeed(124);
        Assert.NotEqual(a.Item1, Tensor.RandomUniform([100]).ToArray());
        Assert.NotEqual(Tensor.RandomUniform([100]).ToArray(), Tensor.RandomUniform([100]).ToArray()); // the stream moves on
    }

    [Fact]
    public void XoshiroMatchesItsReferenceDefinition()
    {
        // Independent transcription of xoshiro256** and SplitMix64 seeding, in plain ulong arithmetic.
        ulong x = 99, s0 = Mix(ref x), s1 = Mix(ref x), s2 = Mix(ref x), s3 = Mix(ref x);
        var g = new RandomGenerator(99);
        for (int i = 0; i < 10; i++)
        {
            ulong expected = Rotl(s1 * 5, 7) * 9, t = s1 << 17;
            s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = Rotl(s3, 45);
            Assert.Equal(expected, g.NextUInt64());
        }
        static ulong Rotl(ulong v, int k) => (v << k) | (v >> (64 - k));
        static ulong Mix(ref ulong state)
        {
            ulong z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    [Fact]
    public void UniformRangeAndMoments()
    {
        var v = Tensor.RandomUniform([N], -2f, 3f, seed: 7).ToArray();
        Assert.All(v, x => Assert.True(x >= -2f && x < 3f));
        var (mean, std) = Moments(v);
        double sigma = 5 / Math.Sqrt(12);
        Assert.InRange(mean, 0.5 - 5 * sigma / Math.Sqrt(N), 0.5 + 5 * sigma / Math.Sqrt(N));
        Assert.InRange(std, sigma * 0.995, sigma * 1.005);
        Assert.True(v.Min() < -1.99f && v.Max() > 2.99f);
        var narrow = Tensor.RandomUniform([N], 0.9999999f, 1f, seed: 8).ToArray();
        Assert.All(narrow, x => Assert.True(x >= 0.9999999f && x < 1f));
    }

    [Fact]
    public void NormalMoments()
    {
        var v = Tensor.RandomNormal([N + 1], 3f, 2f, seed: 11).ToArray();
        Assert.All(v, x => Assert.True(float.IsFinite(x)));
        var (mean, std) = Moments(v);
        Assert.InRange(mean, 3 - 5 * 2 / Math.Sqrt(N), 3 + 5 * 2 / Math.Sqrt(N));
        Assert.InRange(std, 2 * 0.995, 2 * 1.005);
        double within1 = v.Count(x => Math.Abs(x - 3) < 2) / (double)v.Length;  // P(|z| < 1) = 0.682689
        Assert.InRange(within1, 0.682689 - 0.0025, 0.682689 + 0.0025);
        double skew = v.Average(x => Math.Pow((x - mean) / std, 3));
        Assert.InRange(skew, -0.015, 0.015);
    }

    [Fact]
    public void TruncatedNormalStaysWithinTwoStddev()
    {
        var v = Tensor.TruncatedNormal([N], -1f, 0.5f, seed: 3).ToArray();
        Assert.All(v, x => Assert.True(x >= -2f && x <= 0f));
        var (mean, std) = Moments(v);
        const double truncatedStd = 0.8796256610342398;   // std of N(0,1) conditioned on |z| <= 2
        Assert.InRange(mean, -1 - 5 * 0.5 * truncatedStd / Math.Sqrt(N), -1 + 5 * 0.5 * truncatedStd / Math.Sqrt(N));
        Assert.InRange(std, 0.5 * truncatedStd * 0.995, 0.5 * truncatedStd * 1.005);
        Assert.True(v.Min() < -1.99f && v.Max() > -0.01f);                // values reach the bound
    }

    [Fact]
    public void PermutationShuffleAndIntegers()
    {
        var g = new RandomGenerator(5);
        var p = g.Permutation(1000);
        Assert.Equal(Enumerable.Range(0, 1000), p.Order());
        Assert.NotEqual(Enumerable.Range(0, 1000), p);
        var counts = new int[7];
        for (int i = 0; i < 70_000; i++) counts[g.NextInt(7)]++;
        Assert.All(counts, c => Assert.InRange(c, 10_000 - 500, 10_000 + 500));          // 5 sigma of 96
        var firsts = new int[4];
        Span<int> small = stackalloc int[4];
        for (int i = 0; i < 40_000; i++)
        {
            for (int j = 0; j < 4; j++) small[j] = j;
            g.Shuffle(small);
            firsts[small[0]]++;
        }
        Assert.All(firsts, c => Assert.InRange(c, 10_000 - 450, 10_000 + 450));
        var d = g.NextDouble();
        Assert.InRange(d, 0, 1 - 1e-17);
        Assert.Throws<ArgumentOutOfRangeException>(() => g.NextInt(0));
    }

    [Fact]
    public void ConcurrentUseKeepsTheStreamConsistent()
    {
        // Two threads drawing from one generator must together consume exactly the single-threaded stream.
        var shared = new RandomGenerator(77);
        var drawn = new ulong[2][];
        Parallel.For(0, 2, k =>
        {
            drawn[k] = new ulong[20_000];
            for (int i = 0; i < drawn[k].Length; i++) drawn[k][i] = shared.NextUInt64();
        });
        var reference = new RandomGenerator(77);
        var expected = Enumerable.Range(0, 40_000).Select(_ => reference.NextUInt64()).Order();
        Assert.Equal(expected, drawn[0].Concat(drawn[1]).Order());
    }

    [Fact]
    public void BadArgumentsAreNamed()
    {
        Assert.Equal("RandomUniform expects maxval > minval. Received: minval=1, maxval=1",
            Assert.Throws<ArgumentException>(() => Tensor.RandomUniform([2], 1f, 1f)).Message);
        Assert.Equal("Expected stddev to be non-negative. Received: stddev=-1",
            Assert.Throws<ArgumentException>(() => Tensor.RandomNormal([2], stddev: -1f)).Message);
        Assert.Throws<ArgumentException>(() => Tensor.TruncatedNormal([2], stddev: float.NaN));
    }

    private static (double Mean, double Std) Moments(float[] v)
    {
        double mean = v.Average(x => (double)x);
        return (mean, Math.Sqrt(v.Average(x => (x - mean) * (x - mean))));
    }
}
