using NotebookNN.Metrics;
using NotebookNN.Autodiff;
using NotebookNN.Tensors;

namespace NotebookNN.Models;

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
    private GradientTape? _tape;
    private Tensor?[] _grads = [];
    private Tensor[] _losses = [], _xb = [], _yb = [], _preds = [];

    public void ResetMetrics()
    {
        Array.Clear(_lossSums);
        _count = 0;
        foreach (var m in heads.Metrics.SelectMany(x => x)) m.ResetState();
    }

    /// <summary>One train or test step on rows [start, end) (in <paramref name="order"/> when given); the running logs
    /// are built only when asked for (<see cref="Logs"/>), not every step.</summary>
    public void Step(Tensor[] x, Tensor[] y, Tensor? sampleWeight, int[]? order, int start, int end, bool train)
    {
        using var scope = TensorArena.EnterEither(model.StepArena, ref _fallbackArena);
        var xb = MultiData.BatchInto(x, order, start, end, StepArrays.Sized(ref _xb, x.Length));
        var yb = MultiData.BatchInto(y, order, start, end, StepArrays.Sized(ref _yb, y.Length));
        var wb = sampleWeight is null ? null : TrainingData.BatchOf(sampleWeight, order, start, end);
        try
        {
            if (train) TrainStep(xb, yb, wb); else TestStep(xb, yb, wb);
        }
        finally
        {
            // the arrays are reused step after step, as in TrainingSession: hold no tensor of the step past it
            Array.Clear(_xb);
            Array.Clear(_yb);
            Array.Clear(_preds);
            Array.Clear(_losses);
            Array.Clear(_grads);
        }
    }

    private void TrainStep(Tensor[] x, Tensor[] y, Tensor? sampleWeight)
    {
        Tensor[] preds;
        Tensor total;
        using (var tape = _tape is null ? _tape = new GradientTape() : _tape.Restart())
        {
            preds = Forward(x, training: true);
            total = Losses(y, preds, sampleWeight);
            _trainable ??= model.TrainableWeights;
            tape.Gradient(total, _trainable, StepArrays.Sized(ref _grads, _trainable.Count));
        }
        model.Optimizer!.Apply(_grads, _trainable);
        Track(total, y, preds, sampleWeight);
    }

    private void TestStep(Tensor[] x, Tensor[] y, Tensor? sampleWeight)
    {
        var preds = Forward(x, training: false);
        Track(Losses(y, preds, sampleWeight), y, preds, sampleWeight);
    }

    /// <summary>The model's outputs; a functional model's go into an array of the session's own.</summary>
    private Tensor[] Forward(Tensor[] x, bool training) =>
        model.Graph is { } graph ? graph.RunInto(x, StepArrays.Sized(ref _preds, graph.Outputs.Length), training) : model.ForwardMany(x, training);

    /// <summary>Each output's loss into <see cref="_losses"/>; returns their weighted sum plus regularization.</summary>
    private Tensor Losses(Tensor[] y, Tensor[] preds, Tensor? sampleWeight)
    {
        if (preds.Length != heads.Names.Length || y.Length != preds.Length)
            throw new ArgumentException($"Model \"{model.Name}\" has {preds.Length} output(s), but {y.Length} target array(s) were given (outputs: {string.Join(", ", heads.Names)}).");
        var losses = StepArrays.Sized(ref _losses, preds.Length);
        Tensor? total = null;
        for (int i = 0; i < preds.Length; i++)
        {
            losses[i] = heads.Losses[i].Compute(y[i], preds[i], sampleWeight);
            var weighted = heads.Weights[i] == 1.0 ? losses[i] : losses[i] * (float)heads.Weights[i];
            total = total is null ? weighted : total + weighted;
        }
        if (model.RegularizationLoss() is { } reg) total = total! + reg;
        return total!;
    }

    private void Track(Tensor total, Tensor[] y, Tensor[] preds, Tensor? sampleWeight)
    {
        int batch = y[0].Shape[0];
        _lossSums[0] += total.Item() * (double)batch;
        for (int i = 0; i < _losses.Length; i++) _lossSums[i + 1] += _losses[i].Item() * (double)batch;
        _count += batch;
        for (int i = 0; i < preds.Length; i++)
            foreach (var m in heads.Metrics[i]) m.UpdateState(y[i], preds[i], sampleWeight);
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
