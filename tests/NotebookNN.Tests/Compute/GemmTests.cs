using NotebookNN;
using NotebookNN.Compute.Gemm;

namespace NotebookNN.Tests.Compute;

/// <summary>Gemm.Sgemm against a naive float64 reference (error measure in <see cref="GemmCase"/>), on every
/// path this machine supports (forced through Gemm.ForcedIsa).</summary>
public class GemmTests
{
    private static readonly int[] Sizes = [0, 1, 2, 3, 7, 15, 16, 17, 31, 33, 64, 100];

    /// <summary>Every combination of <see cref="Sizes"/>, then 257 (past one KC panel) in one or more dims with
    /// the others from a smaller set, to keep the float64 reference cheap.</summary>
    private static IEnumerable<(int, int, int)> Shapes()
    {
        foreach (int m in Sizes) foreach (int n in Sizes) foreach (int k in Sizes) yield return (m, n, k);
        int[] others = [0, 1, 17, 33, 100];
        foreach (int x in others) foreach (int y in others)
        {
            yield return (257, x, y); yield return (x, 257, y); yield return (x, y, 257);
        }
        yield return (257, 257, 33); yield return (33, 257, 257); yield return (257, 33, 257);
    }

    internal static IEnumerable<GemmIsa> Isas() =>
        Enum.GetValues<GemmIsa>().Where(i => i <= Gemm.BestIsa);

    /// <summary>Runs the case on each path (and restores the thread's GEMM settings).</summary>
    private static void OnEachIsa(GemmCase g, (double[], double[]) reference, int maxThreads = 0, long parallelMinFlops = 0)
    {
        try
        {
            Gemm.MaxThreads = maxThreads; Gemm.ParallelMinFlops = parallelMinFlops;
            foreach (var isa in Isas())
            {
                Gemm.ForcedIsa = isa;
                g.RunAndCheck(reference, $"[{isa}, threads {maxThreads}, min flops {parallelMinFlops}]");
            }
        }
        finally { Gemm.ForcedIsa = null; Gemm.MaxThreads = 0; Gemm.ParallelMinFlops = 0; }
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void AllSizeCombinations_MatchReference(bool transA, bool transB)
    {
        var rng = new Random(transA ? 10 : 20 + (transB ? 1 : 0));
        (float alpha, float beta)[] scalars = [(1, 0), (1, 1), (-0.5f, 2), (2, 0), (1, -1)];
        int c = 0;
        foreach (var (m, n, k) in Shapes())
        {
            var (alpha, beta) = scalars[c % scalars.Length];
            var g = GemmCase.Random(rng, transA, transB, m, n, k, alpha, beta, pad: c++ % 3 == 0 ? 3 : 0);
            OnEachIsa(g, g.Reference());
        }
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void LargeDimensions_MatchReference(bool transA, bool transB)
    {
        var rng = new Random(3);
        // 1000 spans several KC / MC blocks; n = 4100 spans two NC panels (NC is 4096 / 4080)
        (int m, int n, int k)[] shapes = [(1000, 17, 33), (33, 1000, 17), (17, 33, 1000), (1000, 1000, 7),
            (7, 1000, 1000), (1000, 7, 1000), (3, 4100, 5), (40, 100, 1000)];
        foreach (var (m, n, k) in shapes)
        {
            var g = GemmCase.Random(rng, transA, transB, m, n, k, 1.5f, 0.5f, pad: 1);
            OnEachIsa(g, g.Reference());
        }
    }

    [Theory]
    [InlineData(0)] // Linear
    [InlineData(1)] // Relu
    [InlineData(2)] // Sigmoid
    [InlineData(3)] // Tanh
    public void Epilogue_AddsBiasThenActivation(int activation)
    {
        var act = (FusedActivation)activation;
        var rng = new Random(5);
        // k = 300 spans two KC panels: the epilogue must apply once, after the last one
        foreach (var (m, n, k, beta) in new[] { (33, 70, 300, 0f), (7, 5, 3, 1f), (64, 64, 64, 0.5f), (5, 40, 0, 0f), (12, 32, 20, 0f) })
        {
            var g = GemmCase.Random(rng, false, false, m, n, k, 1f, beta, pad: 2, bias: true, act: act);
            OnEachIsa(g, g.Reference());
            var noBias = GemmCase.Random(rng, true, true, m, n, k, 0.75f, beta, pad: 0, bias: false, act: act);
            OnEachIsa(noBias, noBias.Reference());
        }
    }

    [Theory]
    [InlineData(1, 0L)]      // threading off
    [InlineData(0, 1L)]      // every product split, even tiny ones
    public void Threading_OnAndOff_MatchReference(int maxThreads, long minFlops)
    {
        var rng = new Random(7);
        // tall (rows split), wide (columns split), tiny and ragged shapes
        foreach (var (m, n, k) in new[] { (300, 20, 50), (20, 300, 50), (2, 3, 4), (13, 45, 17), (100, 100, 300) })
            foreach (var (ta, tb) in new[] { (false, false), (true, true) })
            {
                var g = GemmCase.Random(rng, ta, tb, m, n, k, 1f, 0.25f, pad: 1, bias: true, act: FusedActivation.Relu);
                OnEachIsa(g, g.Reference(), maxThreads, minFlops);
            }
    }

    [Fact]
    public void AlphaZeroOrKZero_ScalesCWithoutReadingWhenBetaIsZero()
    {
        var rng = new Random(9);
        foreach (var (alpha, beta, k) in new[] { (0f, 0f, 5), (0f, 2f, 5), (1f, 0f, 0), (1f, 3f, 0) })
        {
            var g = GemmCase.Random(rng, false, false, 4, 6, k, alpha, beta, pad: 1, bias: true, act: FusedActivation.Relu);
            OnEachIsa(g, g.Reference());
        }
    }

    [Fact]
    public void BadArguments_ThrowNamingTheValues()
    {
        var x = new float[100];
        void Call(int m, int n, int k, int lda, int ldb, int ldc, int aLen = 100, int biasLen = 0, bool ta = false) =>
            Gemm.Sgemm(ta, false, m, n, k, 1f, x.AsSpan(0, aLen), lda, x, ldb, 0f, new float[100], ldc, new Epilogue(new float[biasLen], FusedActivation.Linear));

        Assert.Contains("m=-1", Assert.ThrowsAny<ArgumentException>(() => Call(-1, 2, 2, 2, 2, 2)).Message);
        Assert.Contains("k=-3", Assert.ThrowsAny<ArgumentException>(() => Call(2, 2, -3, 2, 2, 2)).Message);
        var lda = Assert.ThrowsAny<ArgumentException>(() => Call(3, 4, 5, 4, 4, 4));
        Assert.Contains("lda=4", lda.Message);
        Assert.Contains("5", lda.Message);
        Assert.Contains("lda=2", Assert.ThrowsAny<ArgumentException>(() => Call(3, 4, 5, 2, 4, 4, ta: true)).Message); // stored k × m: ld ≥ m
        Assert.Contains("ldc=3", Assert.ThrowsAny<ArgumentException>(() => Call(3, 4, 5, 5, 4, 3)).Message);
        var shortA = Assert.Throws<ArgumentException>(() => Call(10, 2, 10, 10, 2, 2, aLen: 99));
        Assert.Contains("length=99", shortA.Message);
        Assert.Contains("100", shortA.Message);
        Assert.Contains("bias length=3", Assert.Throws<ArgumentException>(() => Call(2, 4, 2, 2, 4, 4, biasLen: 3)).Message);
    }
}
