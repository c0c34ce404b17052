using System.Diagnostics;
using NotebookNN.Compute.Gemm;

namespace NotebookNN.Bench;

/// <summary>
/// "matmul": square fp32 C = A·B for n = 256, 512, 1024, 2048 (GFLOP/s = 2n³ / median time), measured like the
/// peers in ../shared/bench/peers; then runs the numpy peer (peers/numpy_matmul.py) and prints ratio lines.
/// TorchSharp's figures too when ../shared/bench/peers/run.sh has built it (<c>--no-torchsharp</c> skips it, ~45 s).
/// Options: <c>--no-peer</c>; <c>--threads N</c>; <c>--shapes</c> also times the MLP training shapes; sizes as extra numbers.
/// </summary>
internal static class MatmulBench
{
    public static int Run(string[] args)
    {
        args = GemmBenchArgs.TakeThreads(args);
        if (Environment.GetEnvironmentVariable("NNBENCH_BLOCKING") is { } blk) // tuning: "KC,MC,NC"
            GemmBlocking.Avx512 = GemmBenchArgs.Blocking(blk);
        var sizes = args.Where(a => int.TryParse(a, out _)).Select(int.Parse).ToArray();
        if (sizes.Length == 0) sizes = [256, 512, 1024, 2048];
        var ours = new Dictionary<int, double>();
        foreach (int n in sizes)
        {
            ours[n] = Measure(n, n, n, false, false, 3);
            Console.WriteLine($"notebooknn matmul_n{n} {ours[n]:G6} GFLOP/s");
        }
        if (args.Contains("--shapes")) Shapes();
        if (args.Contains("--no-peer")) return 0;
        string script = PeerFigures.OwnPeerScript("numpy_matmul.py");
        var peers = new Dictionary<string, Dictionary<string, double>>();
        foreach (var (prefix, coreType) in new[] { ("numpy", ""), ("numpy_skx", "SkylakeX") })
        {
            var env = new Dictionary<string, string> { ["BENCH_PREFIX"] = prefix };
            if (coreType != "") env["OPENBLAS_CORETYPE"] = coreType;
            peers[prefix] = PeerFigures.Run(prefix, "/usr/bin/python3", [script, .. sizes.Select(s => s.ToString())], env);
        }
        if (!args.Contains("--no-torchsharp")) peers["torchsharp"] = PeerFigures.RunTorchSharp();
        foreach (int n in sizes) PeerFigures.PrintRatios($"matmul_n{n}", ours[n], peers);
        return 0;
    }

    /// <summary>Median GFLOP/s of C = op(A)·op(B), 10 warm-ups (3 at the largest size), reps for ~0.5 s (10..500).</summary>
    private static double Measure(int m, int n, int k, bool transA, bool transB, int largeWarmups)
    {
        var rng = new Random(0);
        var a = new float[m * k]; var b = new float[k * n]; var c = new float[m * n];
        for (int i = 0; i < a.Length; i++) a[i] = rng.NextSingle();
        for (int i = 0; i < b.Length; i++) b[i] = rng.NextSingle();
        int lda = transA ? m : k, ldb = transB ? k : n;
        void Once() => Gemm.Sgemm(transA, transB, m, n, k, 1f, a, lda, b, ldb, 0f, c, n);
        for (int i = 0; i < (2.0 * m * n * k >= 2.0 * 2048 * 2048 * 2048 ? largeWarmups : 10); i++) Once();
        long t0 = Stopwatch.GetTimestamp();
        Once();
        double est = Stopwatch.GetElapsedTime(t0).TotalSeconds;
        int reps = Math.Clamp((int)(0.5 / Math.Max(est, 1e-7)), 10, 500);
        var times = new double[reps];
        for (int r = 0; r < reps; r++)
        {
            t0 = Stopwatch.GetTimestamp();
            Once();
            times[r] = Stopwatch.GetElapsedTime(t0).TotalSeconds;
        }
        Array.Sort(times);
        return 2.0 * m * n * k / times[reps / 2] / 1e9;
    }

    /// <summary>The GEMMs of an MLP 784-300-100-10 training step and of batch inference, and the CNN's dense layer
    /// (3136 → 100) at batch 32 (extra figures).</summary>
    private static void Shapes()
    {
        (string, int, int, int, bool, bool)[] shapes =
        [
            ("b32_fwd_32x784x300", 32, 300, 784, false, false),
            ("b32_dW_784x32x300", 784, 300, 32, true, false),
            ("b32_dx_32x300x784", 32, 784, 300, false, true),
            ("b128_fwd_128x784x300", 128, 300, 784, false, false),
            ("b512_fwd_512x784x300", 512, 300, 784, false, false),
            ("b512_dW_784x512x300", 784, 300, 512, true, false),
            ("infer_10000x784x300", 10000, 300, 784, false, false),
            ("cnn_b32_dense_fwd_32x3136x100", 32, 100, 3136, false, false),
            ("cnn_b32_dense_dW_3136x32x100", 3136, 100, 32, true, false),
            ("cnn_b32_dense_dx_32x100x3136", 32, 3136, 100, false, true),
        ];
        foreach (var (name, m, n, k, ta, tb) in shapes)
            Console.WriteLine($"notebooknn gemm_{name} {Measure(m, n, k, ta, tb, 3):G6} GFLOP/s");
    }
}
