using System.Diagnostics;
using NotebookNN.Randomness;

namespace NotebookNN.Bench;

/// <summary>Throughput of the random fills, mini-batch gathers, Fit's finite-data scan, strided copies and printing
/// ("views" benchmark).</summary>
internal static class ViewsBench
{
    public static int Run(string[] args)
    {
        Report("random_uniform", "Msamples/s", 10_000_000, n => Tensor.RandomUniform([n], seed: 1));
        Report("random_normal", "Msamples/s", 10_000_000, n => Tensor.RandomNormal([n], seed: 1));
        Report("truncated_normal", "Msamples/s", 10_000_000, n => Tensor.TruncatedNormal([n], seed: 1));
        Report("permutation_55000", "Mitems/s", 55_000, n => RandomGenerator.Shared.Permutation(n));

        var x = Tensor.RandomUniform([55_000, 784], seed: 2);
        var perm = RandomGenerator.Shared.Permutation(55_000);
        Report("gather_epoch_b32_784", "GB/s", 55_000 * 784 * 4 / 1e3, _ =>
        {
            for (int i = 0; i < perm.Length; i += 32) x.Gather(perm[i..Math.Min(i + 32, perm.Length)]);
            return 0;
        });
        Report("gather_epoch_b512_784", "GB/s", 55_000 * 784 * 4 / 1e3, _ =>
        {
            for (int i = 0; i < perm.Length; i += 512) x.Gather(perm[i..Math.Min(i + 512, perm.Length)]);
            return 0;
        });
        // Fit's finite-data check over all of x (the reduction driver's parallel sum), against one TensorPrimitives.Sum on one core
        var xs = x.ToArray();
        Report("finite_check_55000x784", "GB/s", 55_000 * 784 * 4 / 1e3, _ => NotebookNN.Compute.Drivers.ReduceDriver.Aggregate<NotebookNN.Compute.Drivers.IdentityOp, NotebookNN.Compute.Ops.AddOp>(xs));
        Report("finite_check_55000x784_one_core", "GB/s", 55_000 * 784 * 4 / 1e3, _ => System.Numerics.Tensors.TensorPrimitives.Sum(xs));
        Report("gather_b32_784_reused_rows", "GB/s", 1000 * 32 * 784 * 4 / 1e3, _ =>
        {
            for (int i = 0; i < 1000; i++) x.Gather(perm[..32]);
            return 0;
        });
        var m = Tensor.RandomUniform([2048, 2048], seed: 3);
        Report("transpose_contiguous_2048", "GB/s", 2048 * 2048 * 4 / 1e3, _ => m.T.Contiguous());
        var images = Tensor.Zeros([60_000, 28, 28]);
        Report("tostring_60000x28x28", "calls/s", 1e6, _ => images.ToString());
        return 0;
    }

    /// <summary>Median of 5 timed runs after one warm-up; prints work / time in millions per second.</summary>
    private static void Report(string name, string unit, double work, Func<int, object> body)
    {
        body((int)work);
        var times = new List<double>();
        for (int r = 0; r < 5; r++)
        {
            var sw = Stopwatch.StartNew();
            body((int)work);
            times.Add(sw.Elapsed.TotalSeconds);
        }
        times.Sort();
        Console.WriteLine($"notebooknn {name} {work / times[2] / 1e6:F3} {unit}");
    }
}
