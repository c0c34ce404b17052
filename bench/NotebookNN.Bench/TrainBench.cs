using System.Diagnostics;
using System.Globalization;
using NotebookNN.Layers;
using NotebookNN.Losses;
using NotebookNN.Optimizers;
using NotebookNN.Randomness;

namespace NotebookNN.Bench;

/// <summary>
/// "train" and "infer": the work of ../shared/bench/README.md through the public Keras API. An MLP 784-300(relu)-
/// 100(relu)-10 with softmax cross-entropy on logits, 55,000 samples x ~ U[0,1), labels 0..9, shuffled every epoch,
/// last partial batch included; one warm-up epoch, then the median of 3 (Fit with verbose 0, one epoch a call).
/// Inference: Predict on 10,000 samples with batch 32 and 10,000. Prints the GC's allocated bytes per epoch and per
/// steady-state step, and the peak RSS, then (unless --no-peer) runs the peers of ../shared/bench/peers/run.sh in the same run (Debian's PyTorch with
/// OMP_WAIT_POLICY=PASSIVE, and TorchSharp when run.sh has built it) and prints ratios against each and the best.
/// <c>--rounds N</c> alternates our figures and the peers' N times and ends with the ratio of the medians, since this
/// machine's speed drifts between minutes. Each round also measures the machine's FMA ceiling before ours and after the
/// peers (<see cref="FmaLimitBench"/>) and prints the GFLOP/s both sides reach against it (<see cref="FmaCeiling"/>).
/// </summary>
internal static class TrainBench
{
    private const int NTrain = 55_000, NIn = 784, NOut = 10, NTest = 10_000;

    private static readonly (string Name, int Batch, Func<Optimizer> Make)[] Configs =
    [
        ("mlp_b32_sgd", 32, () => new SGD(learningRate: 0.01)),
        ("mlp_b32_adam", 32, () => new Adam(learningRate: 1e-3)),
        ("mlp_b128_sgd", 128, () => new SGD(learningRate: 0.01)),
        ("mlp_b512_sgd", 512, () => new SGD(learningRate: 0.01)),
    ];

    public static int RunTrain(string[] args) => Run(args, train: true);
    public static int RunInfer(string[] args) => Run(args, train: false);

    private static int Run(string[] args, bool train)
    {
        Utils.SetRandomSeed(0);
        var x = Tensor.RandomUniform([NTrain, NIn]);
        var y = Tensor.From(Enumerable.Range(0, NTrain).Select(_ => (float)RandomInt(NOut)).ToArray());
        string prefix = train ? "mlp_" : "infer_";
        return BenchRounds.Run(args, () =>
        {
            var ours = new Dictionary<string, double>();
            Model? last = null;
            foreach (var (name, batch, make) in Configs)
            {
                if (!train && name != Configs[^1].Name) continue;
                last = TrainConfig(name, batch, make, x, y, ours, timed: train);
            }
            if (!train) Infer(last!, ours);
            return ours;
        }, () => PeerFigures.RunTorchPeers("bench.py"), f => IsCompared(f, prefix));
    }

    private static bool IsCompared(string figure, string prefix) =>
        figure.StartsWith(prefix) && (figure.EndsWith("_throughput") || figure.StartsWith("infer_"));

    private static Model TrainConfig(string name, int batch, Func<Optimizer> make, Tensor x, Tensor y, Dictionary<string, double> ours, bool timed)
    {
        Keras.ClearSession();
        Utils.SetRandomSeed(1);
        var model = new Sequential([
            new Dense(300, activation: "relu", inputShape: [NIn]),
            new Dense(100, activation: "relu"),
            new Dense(NOut)]);
        model.Compile(optimizer: make(), loss: new SparseCategoricalCrossentropy(fromLogits: true));
        TimeEpochs(name, model, x, y, batch, ours, timed);
        return model;
    }

    /// <summary>One warm-up epoch, then (when <paramref name="timed"/>) the median of 3: the epoch's seconds, samples/s,
    /// ms a step, and the bytes allocated an epoch and a steady-state step.</summary>
    internal static void TimeEpochs(string name, Model model, Tensor x, Tensor y, int batch, Dictionary<string, double> ours, bool timed = true)
    {
        var warm = Epoch(model, x, y, batch);
        Console.Error.WriteLine($"[notebooknn] {name} warm-up epoch {warm.Seconds:F3} s, loss {warm.Loss:F4}");
        if (!timed) return;
        var runs = new List<(double Seconds, double Loss, long Bytes)>();
        for (int e = 0; e < 3; e++)
        {
            runs.Add(Epoch(model, x, y, batch));
            Console.Error.WriteLine($"[notebooknn] {name} epoch {e} {runs[^1].Seconds:F3} s, loss {runs[^1].Loss:F4}, allocated {runs[^1].Bytes / 1e6:F1} MB");
        }
        double med = runs.Select(r => r.Seconds).Order().ElementAt(1);
        int n = x.Shape[0], steps = (n + batch - 1) / batch;
        Emit($"{name}_epoch", med, "s", ours);
        Emit($"{name}_throughput", n / med, "samples/s", ours);
        Emit($"{name}_step", med / steps * 1e3, "ms/step", ours);
        Emit($"{name}_alloc_per_epoch", runs.Select(r => (double)r.Bytes).Order().ElementAt(1), "bytes", ours);
        Emit($"{name}_alloc_per_step", AllocPerStep(model, x, y, batch), "bytes", ours);
    }

    /// <summary>
    /// Bytes allocated per train step in the steady state, by 200 steps of Fit's own step (shuffled rows gathered)
    /// after the epochs above and 20 steps that create the new session's tape: an epoch's figure also holds what each Fit call allocates once (its shuffle order alone
    /// is 4 bytes a sample, the callbacks, the history).
    /// </summary>
    internal static double AllocPerStep(Model model, Tensor x, Tensor y, int batch)
    {
        int n = x.Shape[0];
        var trainer = new Trainer(model, outputs: 1);
        var data = CallData.Of(x, y);
        var order = RandomGenerator.Shared.Permutation(n);
        const int Warm = 20, Steps = 200;
        long before = 0;
        for (int s = 0; s < Warm + Steps; s++)
        {
            if (s == Warm) before = GC.GetTotalAllocatedBytes(precise: true);
            int start = s * batch % (n - batch);
            trainer.Step(data, order, start, start + batch, train: true);
        }
        return (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)Steps;
    }

    internal static (double Seconds, double Loss, long Bytes) Epoch(Model model, Tensor x, Tensor y, int batch)
    {
        long before = GC.GetTotalAllocatedBytes(precise: true);
        var sw = Stopwatch.StartNew();
        var h = model.Fit(x, y, batchSize: batch, epochs: 1, verbose: 0);
        double s = sw.Elapsed.TotalSeconds;
        return (s, h.History["loss"][^1], GC.GetTotalAllocatedBytes(precise: true) - before);
    }

    private static void Infer(Model model, Dictionary<string, double> ours) =>
        Infer(model, Tensor.RandomUniform([NTest, NIn]), "infer_b", repeats: 5, ours);

    /// <summary>Predict on <paramref name="xt"/> at batch 32 and at its whole size, after one untimed call: the median
    /// of <paramref name="repeats"/> calls as samples/s, figures <c>{prefix}32</c> and <c>{prefix}{n}</c>.</summary>
    internal static void Infer(Model model, Tensor xt, string prefix, int repeats, Dictionary<string, double> ours)
    {
        int n = xt.Shape[0];
        foreach (int batch in new[] { 32, n })
        {
            model.Predict(xt, batchSize: batch, verbose: 0);
            var times = new List<double>();
            for (int r = 0; r < repeats; r++)
            {
                var sw = Stopwatch.StartNew();
                var p = model.Predict(xt, batchSize: batch, verbose: 0);
                times.Add(sw.Elapsed.TotalSeconds);
                if (p.Shape[0] != n) throw new InvalidOperationException("predict returned the wrong number of rows");
            }
            Emit($"{prefix}{batch}", n / PeerFigures.Median(times), "samples/s", ours);
        }
    }

    internal static void Emit(string figure, double value, string unit, Dictionary<string, double>? into = null)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"notebooknn {figure} {value:G6} {unit}"));
        if (into is not null) into[figure] = value;
    }

    private static int RandomInt(int n) => (int)(RandomGenerator.Shared.NextDouble() * n);

    /// <summary>Resets the process's peak RSS (VmHWM) to its current RSS (Linux's <c>/proc/self/clear_refs</c>, value
    /// 5), so a later <see cref="PeakRssKiB"/> measures from here; false where that file cannot be written (the peak
    /// then stays the process's).</summary>
    internal static bool ResetPeakRss()
    {
        try { File.WriteAllText("/proc/self/clear_refs", "5"); return true; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }

    internal static double PeakRssKiB()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith("VmHWM:")) return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return double.NaN;
    }
}
