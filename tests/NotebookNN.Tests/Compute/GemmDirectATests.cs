using NotebookNN.Compute.Gemm;

namespace NotebookNN.Tests.Compute;

/// <summary>
/// A read in place by the micro-kernel (no packed A block: the narrow products of convolutions) against packing it,
/// on every path this machine supports, against the float64 reference of <see cref="GemmCase"/>: edge tiles in m
/// (the kernel reads row mr - 1 in place of the rows past m), n and k not multiples of the block sizes, k = 1, depths
/// past one KC panel, both transposes, the epilogue, one and two threads. (A guard page after an A read in place:
/// <see cref="GemmGuardPageTests"/>.)
/// </summary>
public class GemmDirectATests
{
    private static readonly (int M, int N, int K)[] Shapes =
    [
        (1, 1, 1), (5, 3, 1), (7, 17, 1), (6, 16, 1), (1, 40, 9), (6, 16, 288), (7, 16, 289), (13, 33, 290),
        (11, 64, 577), (169, 20, 5), (170, 64, 300), (2, 100, 31), (31, 129, 64), (300, 64, 288),
    ];

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void InPlaceAndPackedA_MatchReference(bool transA, bool transB)
    {
        var rng = new Random(31 + (transA ? 2 : 0) + (transB ? 1 : 0));
        int c = 0;
        foreach (var (m, n, k) in Shapes)
        {
            bool epilogue = c % 2 == 0;
            var g = GemmCase.Random(rng, transA, transB, m, n, k, c % 3 == 0 ? 1f : -0.75f, c % 4 == 0 ? 0f : 0.5f,
                pad: c++ % 3, bias: epilogue, act: epilogue ? FusedActivation.Relu : FusedActivation.Linear);
            var reference = g.Reference();
            foreach (var direct in new[] { true, false })
                foreach (var (threads, minFlops) in new[] { (1, 0L), (0, 1L) })
                    foreach (var isa in GemmTests.Isas())
                        try
                        {
                            Gemm.ForcedIsa = isa; Gemm.ForcedDirectA = direct;
                            Gemm.MaxThreads = threads; Gemm.ParallelMinFlops = minFlops;
                            g.RunAndCheck(reference, $"[{isa}, A in place {direct}, threads {threads}]");
                        }
                        finally { Gemm.ForcedIsa = null; Gemm.ForcedDirectA = null; Gemm.MaxThreads = 0; Gemm.ParallelMinFlops = 0; }
        }
    }
}
