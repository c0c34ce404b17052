using System.Diagnostics;
using System.Globalization;
using NotebookNN.Compute.Gemm;

namespace NotebookNN.Bench;

/// <summary>
/// "blocking": ranks AVX-512 GEMM block sizes on one product shape. The candidates run interleaved in one process
/// (round r times each candidate once, best of several calls), 30 rounds, so a drift in the machine's speed between
/// minutes hits every candidate alike; prints the median and minimum µs per candidate.
/// <c>-- blocking 512x300x784 192,384,4080 256,384,4080 [--threads N]</c> (m x n x k, then KC,MC,NC candidates).
/// </summary>
internal static class BlockingBench
{
    public static int Run(string[] args)
    {
        args = GemmBenchArgs.TakeThreads(args);
        if (args.Length < 2 || args[0].Split('x') is not { Length: 3 } mnk)
        {
            Console.Error.WriteLine("usage: blocking <m>x<n>x<k> <KC,MC,NC> [<KC,MC,NC> ...] [--threads N]");
            return 2;
        }
        int m = int.Parse(mnk[0]), n = int.Parse(mnk[1]), k = int.Parse(mnk[2]);
        var candidates = args[1..].Select(GemmBenchArgs.Blocking).ToArray();
        var rng = new Random(0);
        var a = new float[m * k]; var b = new float[k * n]; var c = new float[m * n];
        for (int i = 0; i < a.Length; i++) a[i] = rng.NextSingle();
        for (int i = 0; i < b.Length; i++) b[i] = rng.NextSingle();
        int calls = Math.Clamp((int)(2e8 / (2.0 * m * n * k)), 3, 200);
        var times = candidates.Select(_ => new List<double>()).ToArray();
        var saved = GemmBlocking.Avx512;
        try
        {
            for (int round = 0; round < 30; round++)
                for (int ci = 0; ci < candidates.Length; ci++)
                {
                    GemmBlocking.Avx512 = candidates[ci];
                    double best = double.MaxValue;
                    for (int r = 0; r < calls; r++)
                    {
                        long t0 = Stopwatch.GetTimestamp();
                        Gemm.Sgemm(false, false, m, n, k, 1f, a, k, b, n, 0f, c, n);
                        best = Math.Min(best, Stopwatch.GetElapsedTime(t0).TotalSeconds);
                    }
                    times[ci].Add(best * 1e6);
                }
        }
        finally { GemmBlocking.Avx512 = saved; }
        for (int ci = 0; ci < candidates.Length; ci++)
        {
            var sorted = times[ci].Order().ToArray();
            double med = sorted[sorted.Length / 2];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"notebooknn blocking_{args[0]}_{args[ci + 1].Replace(',', '_')} {med:F1} us (min {sorted[0]:F1} us, {2.0 * m * n * k / med / 1e3:F0} GFLOP/s at the median)"));
        }
        return 0;
    }
}
