using System.Diagnostics;
using System.Globalization;
using NotebookNN.Compute.Conv;
using NotebookNN.Compute.Gemm;

namespace NotebookNN.Bench;

/// <summary>
/// "conv-kernels": the two convolutions of the CNN benchmark model (../shared/bench/README.md, "CNN": 28×28×1 → 32
/// and 14×14×32 → 64, 3×3 "same", ReLU) at batch 32 and 128, each pass on its own: forward (<see cref="Conv2DGemm"/>:
/// the direct kernel for conv1, blocked im2col + GEMM with bias and ReLU for conv2), and through
/// <see cref="ConvBackward"/> the input gradient (ReLU mask, dz · kernelᵀ, col2im), the kernel gradient (ReLU mask,
/// bias gradient, colᵀ · dz or the direct kernel) and both at once as the model's conv2 needs them. Prints the median
/// GFLOP/s of each (2·rows·depth·filters a product; the combined pass counts two) beside the machine's FMA ceiling.
/// With NNN_CONV_DIRECT set, also forward and kernel gradient through the direct kernels forced at any depth.
/// Options: batch sizes as numbers (default 32 128).
/// </summary>
internal static class ConvKernelsBench
{
    public static int Run(string[] args)
    {
        var batches = args.Where(a => int.TryParse(a, out _)).Select(int.Parse).ToArray();
        if (batches.Length == 0) batches = [32, 128];
        var fma = FmaLimitBench.Measure();
        FmaLimitBench.Print(fma);
        var a = new float[512 * 512]; var c = new float[512 * 512];
        Report("matmul_n512", "reference", ConvGeometry.Create(1, 512, 1, 512, 1, 1, 512, 1, 1, same: false), fma.TwoThreads,
            () => Gemm.Sgemm(false, false, 512, 512, 512, 1f, a, 512, a, 512, 0f, c, 512));
        foreach (int n in batches)
        {
            Pass($"conv1_b{n}", ConvGeometry.Create(n, 28, 28, 1, 3, 3, 32, 1, 1, same: true), fma.TwoThreads);
            Pass($"conv2_b{n}", ConvGeometry.Create(n, 14, 14, 32, 3, 3, 64, 1, 1, same: true), fma.TwoThreads);
        }
        return 0;
    }

    private static void Pass(string name, ConvGeometry g, double ceiling)
    {
        var rng = new Random(1);
        float[] Rand(long len) { var a = new float[len]; for (int i = 0; i < a.Length; i++) a[i] = rng.NextSingle() - 0.5f; return a; }
        var x = Rand((long)g.N * g.InputImage);
        var k = Rand((long)g.Depth * g.F);
        var b = Rand(g.F);
        var y = new float[(long)g.N * g.OutputImage];
        var dz = Rand(y.Length);
        var dx = new float[x.Length];
        var dk = new float[k.Length];
        var db = new float[b.Length];
        Report(name, "forward", g, ceiling, () => Conv2DGemm.Forward(in g, x, k, b, FusedActivation.Relu, y));
        Report(name, "input_grad", g, ceiling, () => ConvBackward.Run(in g, FusedActivation.Relu, y, dz, x, k, dx, default, default));
        Report(name, "kernel_grad", g, ceiling, () => ConvBackward.Run(in g, FusedActivation.Relu, y, dz, x, k, default, dk, db));
        Report(name, "backward", g, ceiling, () => ConvBackward.Run(in g, FusedActivation.Relu, y, dz, x, k, dx, dk, db), products: 2);
        if (Environment.GetEnvironmentVariable("NNN_CONV_DIRECT") is null) return;
        DirectConv.Forced = true;
        Report(name, "forward_direct", g, ceiling, () => Conv2DGemm.Forward(in g, x, k, b, FusedActivation.Relu, y));
        Report(name, "kernel_grad_direct", g, ceiling, () => ConvBackward.Run(in g, FusedActivation.Relu, y, dz, x, k, default, dk, db));
        DirectConv.Forced = null;
    }

    /// <summary>Median over ~0.3 s after ~0.5 s of warm-up (the JIT's second tier replaces the first in the background:
    /// fewer warm-ups measured im2col at tier 0), as GFLOP/s and as a share of the two-thread FMA ceiling; also the
    /// best time and the process CPU time per call (all threads; with DOTNET_PROCESSOR_COUNT=1, the work of one core
    /// whatever the machine's load), steadier than the median on a loaded machine.</summary>
    private static void Report(string name, string pass, ConvGeometry g, double ceiling, Action once, int products = 1)
    {
        var total = Stopwatch.StartNew();
        while (total.Elapsed.TotalSeconds < 0.5) once();
        var times = new List<double>();
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        total.Restart();
        while (total.Elapsed.TotalSeconds < 0.3 || times.Count < 10)
        {
            long t0 = Stopwatch.GetTimestamp();
            once();
            times.Add(Stopwatch.GetElapsedTime(t0).TotalSeconds);
        }
        double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds / times.Count;
        times.Sort();
        double median = times[times.Count / 2], gflops = products * g.Flops / median / 1e9;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"notebooknn {name}_{pass} {gflops:F1} GFLOP/s ({median * 1e6:F0} µs, {100 * gflops / ceiling:F0}% of fma_2threads; best {times[0] * 1e6:F0} µs; cpu {cpu * 1e6:F0} µs)"));
    }
}
