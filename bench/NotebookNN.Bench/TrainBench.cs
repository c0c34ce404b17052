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
        int ri = Array.IndexOf(args, "--rounds");
        int rounds = ri >= 0 ? int.Parse(args[ri + 1]) : 1;
        bool peers = !args.Contains("--no-peer");
        Utils.SetRandomSeed(0);
        var x = Tensor.RandomUniform([NTrain, NIn]);
        var y = Tensor.From(Enumerable.Range(0, NTrain).Select(_ => (float)RandomInt(NOut)).ToArray());
        var oursByRound = new List<Dictionary<string, double>>();
        var theirsByRound = new List<Dictionary<string, Dictionary<string, double>>>();
        var boundsByFigure = new Dictionary<string, List<double>>();
        string prefix = train ? "mlp_" : "infer_";
        for (int round = 0; round < rounds; round++)
        {
            if (rounds > 1) Console.Error.WriteLine($"# round {round + 1} of {rounds}");
            // The previous round's models are garbage, but a round allocates almost nothing, so no collection would
            // reclaim them and every round's peak RSS would carry the last one's: collect so each round stands alone.
            if (round > 0) GC.Collect();
            var ours = new Dictionary<string, double>();
            var limitBefore = peers ? FmaLimitBench.Measure() : default; // only put beside the peers' figures
            Model? last = null;
            foreach (var (name, batch, make) in Configs)
            {
                if (!train && name != Configs[^1].Name) continue;
                last = TrainConfig(name, batch, make, x, y, ours, timed: train);
            }
            if (!train) Infer(last!, ours);
            Emit("peak_rss", PeakRssKiB(), "KiB");
            oursByRound.Add(ours);
            if (peers && RunPeers() is { } theirs)
            {
                theirsByRound.Add(theirs);
                // The round's ceiling: the faster of the FMA loop's two measurements, before ours and after the peers.
                var limitAfter = FmaLimitBench.Measure();
                FmaLimitBench.Print(limitBefore);
                FmaLimitBench.Print(limitAfter);
                double ceiling = Math.Max(limitBefore.TwoThreads, limitAfter.TwoThreads);
                foreach (var (figure, value) in ours)
                {
                    if (!IsCompared(figure, prefix)) continue;
                    PeerFigures.PrintRatios(figure, value, theirs);
                    if (!double.IsNaN(ceiling))
                        (boundsByFigure.TryGetValue(figure, out var b) ? b : boundsByFigure[figure] = []).Add(FmaCeiling.Print(figure, value, ceiling, theirs));
                }
            }
        }
        if (rounds > 1 && theirsByRound.Count == rounds)
            foreach (var figure in oursByRound[0].Keys.Where(f => IsCompared(f, prefix)))
            {
                PeerFigures.PrintMedianRatio(figure, oursByRound.Select(o => o[figure]).ToList(), theirsByRound);
                if (boundsByFigure.TryGetValue(figure, out var bounds)) FmaCeiling.PrintMedian(figure, bounds);
            }
        return 0;
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
        var warm = Epoch(model, x, y, batch);
        Console.Error.WriteLine($"[notebooknn] {name} warm-up epoch {warm.Seconds:F3} s, loss {warm.Loss:F4}");
        if (!timed) return model;
        var runs = new List<(double Seconds, double Loss, long Bytes)>();
        for (int e = 0; e < 3; e++)
        {
            runs.Add(Epoch(model, x, y, batch));
            Console.Error.WriteLine($"[notebooknn] {name} epoch {e} {runs[^1].Seconds:F3} s, loss {runs[^1].Loss:F4}, allocated {runs[^1].Bytes / 1e6:F1} MB");
        }
        double med = runs.Select(r => r.Seconds).Order().ElementAt(1);
        int steps = (NTrain + batch - 1) / batch;
        Emit($"{name}_epoch", med, "s", ours);
        Emit($"{name}_throughput", NTrain / med, "samples/s", ours);
        Emit($"{name}_step", med / steps * 1e3, "ms/step", ours);
        Emit($"{name}_alloc_per_epoch", runs.Select(r => (double)r.Bytes).Order().ElementAt(1), "bytes", ours);
        Emit($"{name}_alloc_per_step", AllocPerStep(model, x, y, batch), "bytes", ours);
        return model;
    }

    /// <summary>
    /// Bytes allocated per train step in the steady state, by 200 steps of Fit's own step (shuffled rows gathered)
    /// after the epochs above and 20 steps that create the new session's tape: an epoch's figure also holds what each Fit call allocates once (its shuffle order alone
    /// is 4 bytes a sample, the callbacks, the history).
    /// </summary>
    private static double AllocPerStep(Model model, Tensor x, Tensor y, int batch)
    {
        var trainer = new Trainer(model, outputs: 1);
        var data = CallData.Of(x, y);
        var order = RandomGenerator.Shared.Permutation(NTrain);
        const int Warm = 20, Steps = 200;
        long before = 0;
        for (int s = 0; s < Warm + Steps; s++)
        {
            if (s == Warm) before = GC.GetTotalAllocatedBytes(precise: true);
            int start = s * batch % (NTrain - batch);
            trainer.Step(data, order, start, start + batch, train: true);
        }
        return (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)Steps;
    }

    private static (double Seconds, double Loss, long Bytes) Epoch(Model model, Tensor x, Tensor y, int batch)
    {
        long before = GC.GetTotalAllocatedBytes(precise: true);
        var sw = Stopwatch.StartNew();
        var h = model.Fit(x, y, batchSize: batch, epochs: 1, verbose: 0);
        double s = sw.Elapsed.TotalSeconds;
        return (s, h.History["loss"][^1], GC.GetTotalAllocatedBytes(precise: true) - before);
    }

    private static void Infer(Model model, Dictionary<string, double> ours)
    {
        var xt = Tensor.RandomUniform([NTest, NIn]);
        foreach (int batch in new[] { 32, NTest })
        {
            model.Predict(xt, batchSize: batch, verbose: 0);
            var times = new List<double>();
            for (int r = 0; r < 5; r++)
            {
                var sw = Stopwatch.StartNew();
                var p = model.Predict(xt, batchSize: batch, verbose: 0);
                times.Add(sw.Elapsed.TotalSeconds);
                if (p.Shape[0] != NTest) throw new InvalidOperationException("predict returned the wrong number of rows");
            }
            Emit($"infer_b{batch}", NTest / times.Order().ElementAt(2), "samples/s", ours);
        }
    }

    /// <summary>The peers' figures (PyTorch with OMP_WAIT_POLICY=PASSIVE, TorchSharp when built), or null when the
    /// shared peers or /usr/bin/python3 are missing.</summary>
    private static Dictionary<string, Dictionary<string, double>>? RunPeers()
    {
        if (PeerFigures.SharedPeersDir() is not { } peers || !File.Exists("/usr/bin/python3"))
        {
            Console.Error.WriteLine("# ../shared/bench/peers or /usr/bin/python3 not found: no peer run (apt-get install python3-torch)");
            return null;
        }
        const string lib = "pytorch_omp_passive";
        return new Dictionary<string, Dictionary<string, double>>
        {
            [lib] = PeerFigures.Run(lib, "/usr/bin/python3", [Path.Combine(peers, "pytorch", "bench.py")],
                new Dictionary<string, string> { ["BENCH_PREFIX"] = lib, ["OMP_WAIT_POLICY"] = "PASSIVE" }),
            ["torchsharp"] = PeerFigures.RunTorchSharp(),
        };
    }

    private static void Emit(string figure, double value, string unit, Dictionary<string, double>? into = null)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"notebooknn {figure} {value:G6} {unit}"));
        if (into is not null) into[figure] = value;
    }

    private static int RandomInt(int n) => (int)(RandomGenerator.Shared.NextDouble() * n);

    internal static double PeakRssKiB()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith("VmHWM:")) return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return double.NaN;
    }
}
