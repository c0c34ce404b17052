using System.Diagnostics;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using NotebookNN;
using NotebookNN.Compute.Drivers;
using NotebookNN.Compute.Ops;

namespace NotebookNN.Bench;

/// <summary>
/// Elementwise, reduction and fused-loss throughput: <c>elementwise [n]</c>. Prints
/// "notebooknn &lt;figure&gt; &lt;value&gt; &lt;unit&gt;" lines, and the same work through
/// System.Numerics.Tensors.TensorPrimitives (single-threaded, no allocation) as a yardstick.
/// </summary>
internal static class ElementwiseBench
{
    public static int Run(string[] args)
    {
        int n = args.FirstOrDefault(a => int.TryParse(a, out _)) is { } s ? int.Parse(s) : 1 << 20;
        var rng = new Random(1);
        var a = Tensor.From(Enumerable.Range(0, n).Select(_ => (float)rng.NextDouble() * 4 - 2).ToArray());
        var b = Tensor.From(Enumerable.Range(0, n).Select(_ => (float)rng.NextDouble() * 4 - 2).ToArray());
        var (sa, sb, dst) = (a.ToArray(), b.ToArray(), new float[n]);
        // Fixed-size figures (training-step shapes) use their own inputs, whatever n is.
        var fixedData = Enumerable.Range(0, 100_000).Select(_ => (float)rng.NextDouble() * 4 - 2).ToArray();

        Report($"add n={n}", n, () => _ = a + b, () => TensorPrimitives.Add(sa, sb, dst));
        Report($"relu n={n}", n, () => _ = a.Relu(), () => TensorPrimitives.Max(sa, 0f, dst));
        Report($"exp n={n}", n, () => _ = a.Exp(), () => TensorPrimitives.Exp(sa, dst));
        Report($"tanh n={n}", n, () => _ = a.Tanh(), () => TensorPrimitives.Tanh(sa, dst));
        Report($"sigmoid n={n}", n, () => _ = a.Sigmoid(), () => TensorPrimitives.Sigmoid(sa, dst));
        Report($"kernel_add n={n}", n, () => BinaryDriver.Run<AddOp>(sa, sb, dst), null);
        Report($"kernel_relu n={n}", n, () => UnaryDriver.Run<ReluOp>(sa, dst), null);
        Report($"kernel_exp n={n}", n, () => UnaryDriver.Run<ExpOp>(sa, dst), null);
        Report($"kernel_tanh n={n}", n, () => UnaryDriver.Run<TanhOp>(sa, dst), null);
        Report($"kernel_sigmoid n={n}", n, () => UnaryDriver.Run<SigmoidOp>(sa, dst), null);
        Report($"kernel_gelu n={n}", n, () => UnaryDriver.Run<GeluOp>(sa, dst), null);
        // Compute-bound comparison: 16K floats stay in L1/L2 and one thread runs, so memory and scheduling noise drop out.
        var (hx, hy) = (fixedData[..16384], new float[16384]);
        Report("l2_exp 16K", 16384, () => UnaryDriver.Run<ExpOp>(hx, hy), () => TensorPrimitives.Exp(hx, hy));
        Report("l2_tanh 16K", 16384, () => UnaryDriver.Run<TanhOp>(hx, hy), () => TensorPrimitives.Tanh(hx, hy));
        Report("l2_sigmoid 16K", 16384, () => UnaryDriver.Run<SigmoidOp>(hx, hy), () => TensorPrimitives.Sigmoid(hx, hy));
        Report("l2_log 16K", 16384, () => UnaryDriver.Run<LogOp>(hy, hx), () => TensorPrimitives.Log(hy, hx));
        Report("l2_gelu 16K", 16384, () => UnaryDriver.Run<GeluOp>(hx, hy), null);
        Report("l2_add 16K", 16384, () => BinaryDriver.Run<AddOp>(hx, hy, hy), () => TensorPrimitives.Add(hx, hy, hy));
        Report($"sum n={n}", n, () => _ = a.Sum(), () => _ = TensorPrimitives.Sum(sa));
        Report($"max n={n}", n, () => _ = a.Max(), () => _ = TensorPrimitives.Max(sa));

        var m = Broadcast.Relabel(a, [n / 256, 256]);
        var row = Tensor.From(fixedData[..256]);
        Report($"broadcast_add ({n / 256},256)+(256,)", n, () => _ = m + row, null);
        Report($"sum_axis0 ({n / 256},256)", n, () => _ = m.Sum(axis: 0), null);
        Report($"softmax ({n / 256},256)", n, () => _ = m.Softmax(), null);

        var h = Tensor.From(fixedData[..9600], [32, 300]);
        var bias = Tensor.From(fixedData[..300]);
        Report("small_bias_add (32,300)+(300,)", 9600, () => _ = h + bias, null);
        Report("small_add (32,300)+(32,300)", 9600, () => _ = h + h, null);
        Report("small_relu (32,300)", 9600, () => _ = h.Relu(), null);
        Report("small_sum_axis0 (32,300)", 9600, () => _ = h.Sum(axis: 0), null);
        var row10 = fixedData[..10]; var out10 = new float[10];
        Report("row_softmax 10", 10, () => SoftmaxRows.Softmax(row10, out10), null);
        Report("row_max 10", 10, () => ReduceDriver.Aggregate<IdentityOp, MaxOp>(row10), null);
        Report("row_expsub 10", 10, () => BinaryDriver.Run<ExpSubOp>(row10, 1f, out10), null);
        Report("row_sum 10", 10, () => ReduceDriver.Aggregate<IdentityOp, AddOp>(out10), null);
        Report("row_mul 10", 10, () => BinaryDriver.Run<MulOp>(out10, 0.99f, out10), null);
        Report("row_logsoftmax 10", 10, () => SoftmaxRows.LogSoftmax(row10, out10), null);
        var probs = Tensor.From(fixedData, [10_000, 10]);
        Report("softmax (10000,10)", 100_000, () => _ = probs.Softmax(), null);

        var logits = Tensor.From(fixedData[..320], [32, 10]);
        var labels = Tensor.From(Enumerable.Range(0, 32).Select(i => (float)(i % 10)).ToArray());
        logits.Tape = null;
        var t = Time(() =>
        {
            using var tape = new GradientTape();
            tape.Watch(logits);
            var loss = Tensor.SparseSoftmaxCrossEntropy(logits, labels);
            _ = tape.Gradient(loss, logits);
        });
        Console.WriteLine($"notebooknn sparse_softmax_ce_fwd_bwd_32x10 {t * 1e6:F2} us");
        return 0;
    }

    private static void Report(string figure, int n, Action ours, Action? reference)
    {
        double t = Time(ours);
        Console.WriteLine($"notebooknn {figure.Replace(' ', '_')} {n / t / 1e9:F2} Gelem/s ({t * 1e6:F1} us)");
        if (reference is null) return;
        double r = Time(reference);
        Console.WriteLine($"tensorprimitives {figure.Replace(' ', '_')} {n / r / 1e9:F2} Gelem/s ({r * 1e6:F1} us)");
    }

    // Median seconds per call over batches sized to ~20 ms, after 300 ms of warm-up so tiered JIT has
    // promoted the generic kernels (tier-1 waits for ~100 ms without new tier-0 compilations).
    private static double Time(Action f)
    {
        var sw = Stopwatch.StartNew();
        while (sw.ElapsedMilliseconds < 300) f();
        int reps = 1;
        while (true)
        {
            sw.Restart();
            for (int i = 0; i < reps; i++) f();
            if (sw.Elapsed.TotalMilliseconds > 20) break;
            reps *= 2;
        }
        var samples = new double[7];
        for (int s = 0; s < samples.Length; s++)
        {
            sw.Restart();
            for (int i = 0; i < reps; i++) f();
            samples[s] = sw.Elapsed.TotalSeconds / reps;
        }
        Array.Sort(samples);
        return samples[samples.Length / 2];
    }
}
