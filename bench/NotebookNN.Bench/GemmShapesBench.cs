using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using NotebookNN.Compute.Gemm;

namespace NotebookNN.Bench;

/// <summary>
/// "gemm-shapes": the GEMMs of the CNN benchmark model's training step (../shared/bench/README.md, "CNN") on their own,
/// plus the square 512³ product: conv1's and conv2's forward (with bias + ReLU epilogue), input gradient (B transposed) and kernel
/// gradient (A transposed, K = rows) at batch 32 and 128, and the Dense 3136 → 100 layer's three products at batch 32.
/// Prints the median GFLOP/s of each and its share of the FMA ceiling measured in the same process (the one-thread
/// ceiling with <c>--threads 1</c>, which also prints the best-of thread CPU time: robust on a shared machine).
/// <c>bench/gemm_shapes.py</c> times numpy (OpenBLAS) on the same list. Options: <c>--rounds N</c> (default 1),
/// <c>--threads N</c>, a part of a shape's name to time only those; tuning through
/// <c>NNBENCH_BLOCKING="KC,MC,NC[,DirectAMaxColumns[,DirectBMaxRows]]"</c> for this machine's path.
/// </summary>
internal static class GemmShapesBench
{
    /// <summary>Name, m, n, k, transA, transB, epilogue (bias + ReLU).</summary>
    public static readonly (string Name, int M, int N, int K, bool TA, bool TB, bool Epi)[] Shapes =
    [
        ("square_512", 512, 512, 512, false, false, false),
        ("conv2_b32_forward", 6272, 64, 288, false, false, true),
        ("conv2_b32_input_grad", 6272, 288, 64, false, true, false),
        ("conv2_b32_kernel_grad", 288, 64, 6272, true, false, false),
        ("conv2_b128_forward", 25088, 64, 288, false, false, true),
        ("conv2_b128_input_grad", 25088, 288, 64, false, true, false),
        ("conv2_b128_kernel_grad", 288, 64, 25088, true, false, false),
        ("conv1_b32_forward", 25088, 32, 9, false, false, true),
        ("conv1_b32_input_grad", 25088, 9, 32, false, true, false),
        ("conv1_b32_kernel_grad", 9, 32, 25088, true, false, false),
        ("dense_b32_forward", 32, 100, 3136, false, false, true),
        ("dense_b32_kernel_grad", 3136, 100, 32, true, false, false),
        ("dense_b32_input_grad", 32, 3136, 100, false, true, false),
    ];

    public static int Run(string[] args)
    {
        args = GemmBenchArgs.TakeThreads(args);
        int ri = Array.IndexOf(args, "--rounds");
        int rounds = ri >= 0 ? int.Parse(args[ri + 1], CultureInfo.InvariantCulture) : 1;
        string? only = args.FirstOrDefault(a => !a.StartsWith("--") && !int.TryParse(a, out _)); // a name filter
        if (Environment.GetEnvironmentVariable("NNBENCH_BLOCKING") is { } blk) Tune(blk);
        var fma = FmaLimitBench.Measure();
        FmaLimitBench.Print(fma);
        double ceiling = Gemm.MaxThreads == 1 ? fma.OneThread : fma.TwoThreads;
        string ceilingName = Gemm.MaxThreads == 1 ? "fma_1thread" : "fma_2threads";
        for (int r = 0; r < rounds; r++)
            foreach (var s in Shapes)
            {
                if (only != null && !s.Name.Contains(only)) continue;
                var (seconds, cpu) = Median(s.M, s.N, s.K, s.TA, s.TB, s.Epi);
                double flops = 2.0 * s.M * s.N * s.K, gflops = flops / seconds / 1e9;
                // one thread: also the thread's CPU time, which a shared machine's time slicing does not inflate
                string cpuPart = Gemm.MaxThreads == 1 ? $", best cpu {flops / cpu / 1e9:F1} GFLOP/s" : "";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"notebooknn gemm_{s.Name} {gflops:F1} GFLOP/s ({seconds * 1e6:F0} µs, {100 * gflops / ceiling:F0}% of {ceilingName}{cpuPart})"));
            }
        return 0;
    }

    /// <summary>Tuning: "KC,MC,NC" of this machine's path (its own method, so the bench still runs on an older library).</summary>
    private static void Tune(string kcMcNc)
    {
        var v = kcMcNc.Split(',').Select(int.Parse).ToArray();
        if (Gemm.BestIsa == GemmIsa.Avx2) GemmBlocking.Avx2 = GemmBlocking.Avx2 with { KC = v[0], MC = v[1], NC = v[2] };
        else GemmBlocking.Avx512 = GemmBlocking.Avx512 with { KC = v[0], MC = v[1], NC = v[2] };
        if (v.Length > 3) Gemm.DirectAMaxColumns = v[3];
        if (v.Length > 4) Gemm.DirectBMaxRows = v[4];
    }

    [DllImport("libc")] private static extern int clock_gettime(int clock, out TimeSpec t);
    private struct TimeSpec { public long Sec, Nsec; }

    /// <summary>CPU seconds used by the calling thread (Linux; 0 elsewhere).</summary>
    private static double ThreadCpu()
    {
        if (!OperatingSystem.IsLinux()) return 0;
        clock_gettime(3, out var t); // CLOCK_THREAD_CPUTIME_ID
        return t.Sec + t.Nsec * 1e-9;
    }

    /// <summary>Median wall-clock seconds and least thread CPU seconds (the run least disturbed by other work) of one product over ~0.3 s after ~0.3 s of warm-up.</summary>
    private static (double Wall, double Cpu) Median(int m, int n, int k, bool ta, bool tb, bool epi)
    {
        var rng = new Random(0);
        var a = new float[(long)m * k]; var b = new float[(long)k * n]; var c = new float[(long)m * n];
        var bias = new float[n];
        for (int i = 0; i < a.Length; i++) a[i] = rng.NextSingle() - 0.5f;
        for (int i = 0; i < b.Length; i++) b[i] = rng.NextSingle() - 0.5f;
        int lda = ta ? m : k, ldb = tb ? k : n;
        var act = epi ? FusedActivation.Relu : FusedActivation.Linear;
        var biasOrNone = epi ? bias : [];
        void Once() => Gemm.Sgemm(ta, tb, m, n, k, 1f, a, lda, b, ldb, 0f, c, n, new Epilogue(biasOrNone, act));
        var total = Stopwatch.StartNew();
        while (total.Elapsed.TotalSeconds < 0.3) Once();
        var times = new List<double>();
        var cpus = new List<double>();
        total.Restart();
        while (total.Elapsed.TotalSeconds < 0.3 || times.Count < 10)
        {
            double c0 = ThreadCpu();
            long t0 = Stopwatch.GetTimestamp();
            Once();
            times.Add(Stopwatch.GetElapsedTime(t0).TotalSeconds);
            cpus.Add(ThreadCpu() - c0);
        }
        times.Sort();
        cpus.Sort();
        return (times[times.Count / 2], cpus[0]);
    }
}
