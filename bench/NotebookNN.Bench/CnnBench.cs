using NotebookNN.Randomness;
using NotebookNN.Layers;
using NotebookNN.Optimizers;

namespace NotebookNN.Bench;

/// <summary>
/// "cnn": the work of ../shared/bench/README.md, section "CNN", through the public Keras API — the Fashion-MNIST
/// convnet as Keras writes it (Conv2D 32 3×3 relu same, MaxPooling2D 2, Conv2D 64 3×3 relu same, MaxPooling2D 2,
/// Flatten, Dense 100 relu, Dropout 0.4, Dense 10 softmax; sparse categorical cross-entropy, Adam 1e-3), channels-last.
/// Training: 12,000 samples x ~ U[0,1) of 28×28×1, labels 0..9, shuffled every epoch, batch 32 and 128; one warm-up
/// epoch, then the median of 3 (<c>cnn_b32_adam_throughput</c>, <c>cnn_b128_adam_throughput</c>). Inference: Predict
/// on 10,000 samples at batch 32 and 10,000, the median of 3 after one untimed call (<c>cnn_infer_b32</c>,
/// <c>cnn_infer_b10000</c>). Then, unless <c>--no-peer</c>, the peers of <c>CNN=only ../shared/bench/peers/run.sh</c>
/// in the same run (<c>pytorch/cnn.py</c> with OMP_WAIT_POLICY=PASSIVE, and <c>TsBench cnn</c> when run.sh has built
/// it) and the ratios against each and the best; <c>--rounds N</c> as for <c>train</c>. <c>--samples N</c> trains
/// on N samples instead (the peak RSS of a 60,000-image run: <c>cnn --samples 60000 --no-peer</c>, figure
/// <c>cnn_train_peak_rss</c>, read before the inference; each round resets the peak first).
/// </summary>
internal static class CnnBench
{
    private const int NOut = 10, NTest = 10_000;
    private static readonly int[] Batches = [32, 128];

    public static int Run(string[] args)
    {
        int si = Array.IndexOf(args, "--samples");
        int nTrain = si >= 0 ? int.Parse(args[si + 1]) : 12_000;
        Utils.SetRandomSeed(0);
        var x = Tensor.RandomUniform([nTrain, 28, 28, 1]);
        var y = Tensor.From(Enumerable.Range(0, nTrain).Select(_ => (float)(int)(RandomGenerator.Shared.NextDouble() * NOut)).ToArray());
        var xt = Tensor.RandomUniform([NTest, 28, 28, 1]);
        return BenchRounds.Run(args, () =>
        {
            var ours = new Dictionary<string, double>();
            // each round's training peak, not the process's (an earlier round's inference at batch 10,000 holds 1 GB)
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            if (!TrainBench.ResetPeakRss()) Console.Error.WriteLine("# cannot reset the peak RSS: cnn_train_peak_rss is the process's peak so far");
            Model? last = null;
            foreach (int batch in Batches)
            {
                last = MakeModel();
                TrainBench.TimeEpochs($"cnn_b{batch}_adam", last, x, y, batch, ours);
            }
            // the peak of training alone (inference at batch 10,000 holds a 1 GB activation of the first layer)
            TrainBench.Emit("cnn_train_peak_rss", TrainBench.PeakRssKiB(), "KiB");
            TrainBench.Infer(last!, xt, "cnn_infer_b", repeats: 3, ours);
            return ours;
        }, () => PeerFigures.RunTorchPeers("cnn.py", "cnn"), f => f.StartsWith("cnn_") && (f.EndsWith("_throughput") || f.StartsWith("cnn_infer_")));
    }

    /// <summary>The model of the shared README, as Keras writes it, compiled; the same seed for every configuration.</summary>
    internal static Model MakeModel()
    {
        Keras.ClearSession();
        Utils.SetRandomSeed(1);
        var model = new Sequential([
            new Conv2D(32, 3, activation: "relu", padding: "same", inputShape: [28, 28, 1]),
            new MaxPooling2D(2),
            new Conv2D(64, 3, activation: "relu", padding: "same"),
            new MaxPooling2D(2),
            new Flatten(),
            new Dense(100, activation: "relu"),
            new Dropout(0.4),
            new Dense(NOut, activation: "softmax")]);
        model.Compile(optimizer: new Adam(learningRate: 1e-3), loss: "sparse_categorical_crossentropy");
        return model;
    }
}
