using System.Runtime.InteropServices;
using NotebookNN.Compute.Gemm;

namespace NotebookNN.Tests.Compute;

/// <summary>
/// A read in place by the micro-kernel (no packed A block: the narrow products of convolutions) against packing it,
/// on every path this machine supports, against the float64 reference of <see cref="GemmCase"/>: edge tiles in m
/// (the kernel reads row mr - 1 in place of the rows past m), n and k not multiples of the block sizes, k = 1, depths
/// past one KC panel, both transposes, the epilogue, one and two threads. And a guard page after A: reading past its
/// last element would crash the run.
/// </summary>
public unsafe class GemmDirectATests
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

    [DllImport("libc", SetLastError = true)] private static extern nint mmap(nint addr, nuint length, int prot, int flags, int fd, nint offset);
    [DllImport("libc", SetLastError = true)] private static extern int mprotect(nint addr, nuint length, int prot);
    [DllImport("libc", SetLastError = true)] private static extern int munmap(nint addr, nuint length);

    [SkippableTheory]
    [InlineData(1, 16, 5, false)]
    [InlineData(7, 33, 17, false)]
    [InlineData(13, 64, 288, false)]
    [InlineData(7, 33, 17, true)]
    [InlineData(13, 64, 289, true)]
    public void InPlaceA_IsNotReadPastItsLastElement(int m, int n, int k, bool transA)
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "mmap guard pages: Linux only");
        var rng = new Random(m * 100 + k);
        int aLen = m * k;
        nuint page = (nuint)Environment.SystemPageSize, bytes = ((nuint)aLen * 4 + page - 1) / page * page;
        nint region = mmap(0, bytes + page, 3, 0x22, -1, 0); // read-write, private anonymous
        Assert.NotEqual(-1, region);
        try
        {
            Assert.Equal(0, mprotect(region + (nint)bytes, page, 0)); // the page after A: no access
            var a = new Span<float>((float*)(region + (nint)bytes) - aLen, aLen);
            for (int i = 0; i < aLen; i++) a[i] = (float)rng.NextDouble() - 0.5f;
            var b = new float[k * n];
            for (int i = 0; i < b.Length; i++) b[i] = (float)rng.NextDouble() - 0.5f;
            var c = new float[m * n];
            foreach (var isa in GemmTests.Isas())
            {
                try
                {
                    Gemm.ForcedIsa = isa; Gemm.ForcedDirectA = true;
                    Gemm.Sgemm(transA, false, m, n, k, 1f, a, transA ? m : k, b, n, 0f, c, n);
                }
                finally { Gemm.ForcedIsa = null; Gemm.ForcedDirectA = null; }
                for (int i = 0; i < m; i++)
                    for (int j = 0; j < n; j++)
                    {
                        double want = 0;
                        for (int p = 0; p < k; p++) want += (double)a[transA ? p * m + i : i * k + p] * b[p * n + j];
                        Assert.True(Math.Abs(c[i * n + j] - want) <= 1e-5 * (1 + Math.Abs(want)), $"{isa} C[{i},{j}] = {c[i * n + j]}, expected {want}");
                    }
            }
        }
        finally { munmap(region, bytes + page); }
    }
}
