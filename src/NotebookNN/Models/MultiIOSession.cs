using NotebookNN.Metrics;

namespace NotebookNN;

/// <summary>
/// The train / test step of a model with several inputs or outputs (Keras 2's multi-output <c>train_step</c>): the
/// total loss is the weighted sum of each output's loss plus regularization; the logs hold <c>loss</c>, each output's
/// unweighted loss (<c>main_output_loss</c>) and each output's metrics, as batch-size-weighted means over the epoch.
/// </summary>
internal sealed class MultiIOSession(Model model, OutputHeads heads)
{
    /// <summary>Used when the model's own arena is busy (a nested or concurrent step on the same model).</summary>
    private TensorArena? _fallbackArena;
    private readonly double[] _lossSums = new double[heads.Names.Length + 1];
    private double _count;
    private IReadOnlyList<Variable>? _trainable;

    public void ResetMetrics()
    {
        Array.Clear(_lossSums);
        _count = 0;
        foreach (var m in heads.Metrics.SelectMany(x => x)) m.ResetState();
    }

    public Dictionary<string, double> Step(Tensor[] x, Tensor[] y, Tensor? sampleWeight, int[]? order, int start, int end, bool train)
    {
        using var scope = TensorArena.EnterEither(model.StepArena, ref _fallbackArena);
        var xb = MultiData.Batch(x, order, start, end);
        var yb = MultiData.Batch(y, order, start, end);
        var wb = sampleWeight is null ? null : MultiData.Batch([sampleWeight], order, start, end)[0];
        return train ? TrainStep(xb, yb, wb) : TestStep(xb, yb, wb);
    }

    public Dictionary<string, double> TrainStep(Tensor[] x, Tensor[] y, Tensor? sampleWeight)
    {
        Tensor[] preds, losses;
        Tensor total;
        Tensor?[] grads;
        using (var tape = new GradientTape())
        {
            preds = model.ForwardMany(x, training: true);
            (total, losses) = Losses(y, preds, sampleWeight);
            _trainable ??= model.TrainableWeights;
            grads = tape.Gradient(total, _trainable);
        }
        model.Optimizer!.Apply(grads, _trainable);
        return Track(total, losses, y, preds, sampleWeight);
    }

    public Dictionary<string, double> TestStep(Tensor[] x, Tensor[] y, Tensor? sampleWeight)
    {
        var preds = model.ForwardMany(x, training: false);
        var (total, losses) = Losses(y, preds, sampleWeight);
        return Track(total, losses, y, preds, sampleWeight);
    }

    private (Tensor Total, Tensor[] PerOutput) Losses(Tensor[] y, Tensor[] preds, Tensor? sampleWeight)
    {
        if (preds.Length != heads.Names.Length || y.Length != preds.Length)
            throw new ArgumentException($"Model \"{model.Name}\" has {preds.Length} output(s), but {y.Length} target array(s) were given (outputs: {string.Join(", ", heads.Names)}).");
        var losses = new Tensor[preds.Length];
        Tensor? total = null;
        for (int i = 0; i < preds.Length; i++)
        {
            losses[i] = heads.Losses[i].Compute(y[i], preds[i], sampleWeight);
            var weighted = heads.Weights[i] == 1.0 ? losses[i] : losses[i] * (float)heads.Weights[i];
            total = total is null ? weighted : total + weighted;
        }
        if (model.RegularizationLoss() is { } reg) total = total! + reg;
        return (total!, losses);
    }

    private Dictionary<string, double> Track(Tensor total, Tensor[] losses, Tensor[] y, Tensor[] preds, Tensor? sampleWeight)
    {
        int batch = y[0].Shape[0];
        _lossSums[0] += total.Item() * (double)batch;
        for (int i = 0; i < losses.Length; i++) _lossSums[i + 1] += losses[i].Item() * (double)batch;
        _count += batch;
        for (int i = 0; i < preds.Length; i++)
            foreach (var m in heads.Metrics[i]) m.UpdateState(y[i], preds[i], sampleWeight);
        return Logs();
    }

    public Dictionary<string, double> Logs()
    {
        double Mean(int i) => _count == 0 ? 0 : _lossSums[i] / _count;
        var logs = new Dictionary<string, double> { ["loss"] = Mean(0) };
        if (heads.Names.Length > 1)
            for (int i = 0; i < heads.Names.Length; i++) logs[heads.Key(i, "loss")] = Mean(i + 1);
        for (int i = 0; i < heads.Names.Length; i++)
            foreach (Metric m in heads.Metrics[i]) logs[heads.Key(i, m.Name)] = m.Result();
        return logs;
    }
}
