using System.Runtime.InteropServices;
using NotebookNN.Compute.Gemm;

namespace NotebookNN.Tests.Compute;

/// <summary>
/// Products with few rows read B in place (no packing). B is placed so that its last element ends a readable page
/// and the next page is unreadable: a kernel that loaded past column n of the last row would crash the test run.
/// </summary>
public unsafe class GemmGuardPageTests
{
    [DllImport("libc", SetLastError = true)] private static extern nint mmap(nint addr, nuint length, int prot, int flags, int fd, nint offset);
    [DllImport("libc", SetLastError = true)] private static extern int mprotect(nint addr, nuint length, int prot);
    [DllImport("libc", SetLastError = true)] private static extern int munmap(nint addr, nuint length);

    private const int ProtNone = 0, ProtReadWrite = 3, MapPrivateAnonymous = 0x22;

    [SkippableTheory]
    [InlineData(1, 10, 5)]
    [InlineData(8, 33, 17)]
    [InlineData(32, 100, 300)]
    [InlineData(17, 47, 9)]
    [InlineData(64, 300, 40)]
    public void UnpackedB_IsNotReadPastItsLastElement(int m, int n, int k)
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "mmap guard pages: Linux only");
        var rng = new Random(m * 1000 + n);
        int bLen = k * n;
        nuint page = (nuint)Environment.SystemPageSize, bytes = ((nuint)bLen * 4 + page - 1) / page * page;
        nint region = mmap(0, bytes + page, ProtReadWrite, MapPrivateAnonymous, -1, 0);
        Assert.NotEqual(-1, region);
        try
        {
            Assert.Equal(0, mprotect(region + (nint)bytes, page, ProtNone));
            var b = new Span<float>((float*)(region + (nint)bytes) - bLen, bLen); // ends exactly at the guard page
            for (int i = 0; i < bLen; i++) b[i] = (float)rng.NextDouble() - 0.5f;
            var a = new float[m * k];
            for (int i = 0; i < a.Length; i++) a[i] = (float)rng.NextDouble() - 0.5f;
            var c = new float[m * n];
            foreach (var isa in GemmTests.Isas())
            {
                Gemm.ForcedIsa = isa;
                try { Gemm.Sgemm(false, false, m, n, k, 1f, a, k, b, n, 0f, c, n); }
                finally { Gemm.ForcedIsa = null; }
                for (int i = 0; i < m; i++)
                    for (int j = 0; j < n; j++)
                    {
                        double want = 0;
                        for (int p = 0; p < k; p++) want += (double)a[i * k + p] * b[p * n + j];
                        Assert.True(Math.Abs(c[i * n + j] - want) <= 1e-5 * (1 + Math.Abs(want)), $"{isa} C[{i},{j}] = {c[i * n + j]}, expected {want}");
                    }
            }
        }
        finally { munmap(region, bytes + page); }
    }
}
