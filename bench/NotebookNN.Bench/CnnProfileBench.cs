using static System.FormattableString;
using System.Diagnostics;
using System.Globalization;
using NotebookNN.Randomness;

namespace NotebookNN.Bench;

/// <summary>
/// "cnn-profile": where a training step of the "cnn" model goes, per layer (forward, backward), the loss, the
/// optimizer update and the trainer's own work, at batch 32 and 128 (or the batch sizes given). Trains through the
/// public Fit (verbose 0) on <c>--samples N</c> (default 6,000) samples x ~ U[0,1) with the internal
/// <see cref="StepProfile"/> clock: one warm-up epoch, then <c>--epochs N</c> (default 2) pairs of an unprofiled and a
/// profiled epoch. Prints, in ms a step, the median over the profiled steps of each section (a loaded machine's
/// preemptions move the means, not the medians) and the mean: "tape" is the gradient walk minus the ops' backward,
/// "step_other" what the step spends outside every section (arena, clearing the arrays), "fit_loop" the time between
/// two steps (shuffle, callbacks, progress checks); then the convolutions' share (their layers' forward and backward,
/// the fused bias and ReLU included) of the sum of the medians.
/// </summary>
internal static class CnnProfileBench
{
    public static int Run(string[] args)
    {
        int nTrain = IntArg(args, "--samples", 6_000), epochs = IntArg(args, "--epochs", 2);
        var batches = args.Where((a, i) => !IsValueOf(args, i) && int.TryParse(a, out _)).Select(int.Parse).ToList();
        if (batches.Count == 0) batches = [32, 128];
        Utils.SetRandomSeed(0);
        var x = Tensor.RandomUniform([nTrain, 28, 28, 1]);
        var y = Tensor.From(Enumerable.Range(0, nTrain).Select(_ => (float)(int)(RandomGenerator.Shared.NextDouble() * 10)).ToArray());
        foreach (int batch in batches) Profile(batch, x, y, epochs);
        return 0;
    }

    private static void Profile(int batch, Tensor x, Tensor y, int epochs)
    {
        var model = CnnBench.MakeModel();
        model.Fit(x, y, batchSize: batch, epochs: 1, verbose: 0);
        int steps = (x.Shape[0] + batch - 1) / batch;
        double off = 0;
        StepProfile.Reset(keptSteps: steps * epochs);
        for (int e = 0; e < epochs; e++)
        {
            off += TimedEpoch(model, x, y, batch);
            StepProfile.SetEnabled(true);
            try { TimedEpoch(model, x, y, batch); }
            finally { StepProfile.SetEnabled(false); }
        }
        string p = $"cnn_profile_b{batch}";
        TrainBench.Emit($"{p}_step_unprofiled_mean", off / epochs / steps * 1e3, "ms/step");
        TrainBench.Emit($"{p}_step_profiled_mean", StepProfile.MsPerStep(StepProfile.Forward[StepProfile.Step]), "ms/step");
        double conv = 0, sum = 0;
        void Row(string name, double median, double mean)
        {
            sum += median;
            TrainBench.Emit($"{p}_{name}", median, Invariant($"ms/step (median; mean {mean:F3})"));
        }
        double Mean(long ticks) => StepProfile.MsPerStep(ticks);
        var f = StepProfile.Forward;
        var b = StepProfile.Backward;
        for (int i = 0; i < model.Layers.Count; i++)
        {
            var layer = model.Layers[i];
            int s = StepProfile.LayerSection(i);
            double fwd = StepProfile.MedianMs(s), bwd = StepProfile.MedianMs(s, backward: true);
            Row($"{layer.Name}_forward", fwd, Mean(f[s]));
            Row($"{layer.Name}_backward", bwd, Mean(b[s]));
            if (layer is Layers.Conv2D) conv += fwd + bwd;
        }
        Row("loss_forward", StepProfile.MedianMs(StepProfile.Loss), Mean(f[StepProfile.Loss]));
        Row("loss_backward", StepProfile.MedianMs(StepProfile.Loss, backward: true), Mean(b[StepProfile.Loss]));
        foreach (var (name, section) in new[] { ("optimizer", StepProfile.Optimizer), ("gather", StepProfile.Gather), ("track", StepProfile.Track) })
            Row(name, StepProfile.MedianMs(section), Mean(f[section]));
        // the tape's own work: the gradient walk minus every op's backward; the step's: the step minus every section
        int[] layers = Enumerable.Range(0, model.Layers.Count).Select(StepProfile.LayerSection).ToArray();
        int[] phases = [StepProfile.Gather, StepProfile.Loss, StepProfile.Tape, StepProfile.Optimizer, StepProfile.Track, .. layers];
        static long Backward(long[] row) { long t = 0; for (int s = 0; s < StepProfile.Count; s++) t += row[StepProfile.Count + s]; return t; }
        Row("tape", StepProfile.MedianMs(row => row[StepProfile.Tape] - Backward(row)), Mean(f[StepProfile.Tape]) - Mean(b.Sum()));
        Row("step_other", StepProfile.MedianMs(row => row[StepProfile.Step] - phases.Sum(s => row[s])),
            Mean(f[StepProfile.Step]) - phases.Sum(s => Mean(f[s])));
        Row("fit_loop", StepProfile.MedianMs(StepProfile.Between), Mean(f[StepProfile.Between]));
        TrainBench.Emit($"{p}_step_median", StepProfile.MedianMs(StepProfile.Step), "ms/step");
        TrainBench.Emit($"{p}_sum_of_medians", sum, "ms/step");
        TrainBench.Emit($"{p}_conv", conv, "ms/step (medians)");
        TrainBench.Emit($"{p}_non_conv", sum - conv, "ms/step (medians)");
        TrainBench.Emit($"{p}_conv_share", conv / sum, "of the sum of medians");
    }

    private static double TimedEpoch(Model model, Tensor x, Tensor y, int batch)
    {
        var sw = Stopwatch.StartNew();
        model.Fit(x, y, batchSize: batch, epochs: 1, verbose: 0);
        return sw.Elapsed.TotalSeconds;
    }

    private static int IntArg(string[] args, string name, int fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static bool IsValueOf(string[] args, int i) => i > 0 && args[i - 1].StartsWith("--");
}
