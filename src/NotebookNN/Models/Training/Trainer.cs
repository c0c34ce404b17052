using NotebookNN.Metrics;
using NotebookNN.Tensors;

namespace NotebookNN.Models;

/// <summary>
/// The training engine of a model (Keras 3's <c>Trainer</c>): one train / test step over a list of input arrays and a
/// list of target arrays, and the running values an epoch reports. Fit (<see cref="Fit"/>), Evaluate, Predict and the
/// on-batch calls of every form (one array, lists, dictionaries) are adapters onto one instance a call. The step runs
/// in the model's step arena (<see cref="Model.StepArena"/>) with one tape and one set of arrays reused step after
/// step, so a warm step allocates nothing. The total loss is the weighted sum of each output's loss plus
/// regularization; the logs hold <c>loss</c>, each output's unweighted loss when there are several
/// (<c>main_output_loss</c>) and each output's metrics, as batch-size-weighted means over the epoch (Keras 2's loss
/// tracker). An output whose last layer ends in softmax or sigmoid, compiled with the matching cross-entropy, is
/// trained from its logits (<see cref="OutputHeads.FromLogits"/>).
/// </summary>
internal sealed partial class Trainer
{
    private readonly Model _model;
    /// <summary>The compiled losses and metrics of each output; null for Predict (which needs no Compile).</summary>
    private readonly OutputHeads? _heads;
    /// <summary>Used when the model's own arena is busy (a nested or concurrent step on the same model).</summary>
    private TensorArena? _fallbackArena;
    private readonly double[] _lossSums;
    private double _count;
    /// <summary>Fetched after the first forward pass: a model that was not built yet builds its weights there.</summary>
    private IReadOnlyList<Variable>? _trainable;
    private GradientTape? _tape;
    private Tensor?[] _grads = [], _logits = [];
    private Tensor[] _losses = [], _xb = [], _yb = [], _preds = [];

    /// <param name="model">The model stepped.</param>
    /// <param name="outputs">The number of target arrays (a compiled model's outputs); 0 to predict only.</param>
    public Trainer(Model model, int outputs)
    {
        _model = model;
        _heads = outputs == 0 ? null : model.Heads(outputs);
        _lossSums = new double[outputs + 1];
    }

    private OutputHeads Heads => _heads ?? throw new InvalidOperationException("Internal: a predicting trainer has no losses.");

    public void ResetMetrics()
    {
        Array.Clear(_lossSums);
        _count = 0;
        var metrics = Heads.Metrics;
        for (int i = 0; i < metrics.Length; i++)
            for (int j = 0; j < metrics[i].Length; j++) metrics[i][j].ResetState();
    }

    /// <summary>A train or test step on samples [start, end) of <paramref name="data"/> (of the epoch's
    /// <paramref name="order"/> when given), every tensor of the step in the arena; read the running values with
    /// <see cref="Logs"/>.</summary>
    public void Step(CallData data, int[]? order, int start, int end, bool train)
    {
        long clock = StepProfile.Start();
        if (clock != 0 && train) StepProfile.BeginStep(clock);
        using var scope = TensorArena.EnterEither(_model.StepArena, ref _fallbackArena);
        var xb = data.BatchX(order, start, end, StepArrays.Sized(ref _xb, data.X.Length));
        var yb = data.BatchY(order, start, end, StepArrays.Sized(ref _yb, data.Y.Length));
        var wb = data.SampleWeight is { } w ? CallData.BatchOf(w, order, start, end) : null;
        StepProfile.Charge(StepProfile.Gather, clock);
        StepOn(xb, yb, wb, train);
        if (clock != 0 && train)
        {
            StepProfile.Charge(StepProfile.Step, clock);
            StepProfile.EndStep();
        }
    }

    /// <summary>A train or test step on whole arrays, outside the arena (<c>TrainOnBatch</c>, <c>TestOnBatch</c>).</summary>
    public void StepOn(Tensor[] x, Tensor[] y, Tensor? sampleWeight, bool train)
    {
        try
        {
            if (train) TrainStep(x, y, sampleWeight); else TestStep(x, y, sampleWeight);
        }
        finally
        {
            // the arrays are reused step after step: hold no tensor of the step past it
            Array.Clear(_xb);
            Array.Clear(_yb);
            Array.Clear(_preds);
            Array.Clear(_logits);
            Array.Clear(_losses);
            Array.Clear(_grads);
        }
    }

    /// <summary>Forward with the tape, the loss plus regularization, the gradients, one optimizer update.</summary>
    private void TrainStep(Tensor[] x, Tensor[] y, Tensor? sampleWeight)
    {
        Tensor[] preds;
        Tensor total;
        using (var tape = _tape is null ? _tape = new GradientTape() : _tape.Restart())
        {
            preds = Forward(x, training: true);
            StepProfile.Section = StepProfile.Loss;
            long clock = StepProfile.Start();
            total = Losses(y, preds, sampleWeight);
            StepProfile.Charge(StepProfile.Loss, clock);
            StepProfile.Section = StepProfile.Other;
            _trainable ??= _model.TrainableWeights;
            clock = StepProfile.Start();
            tape.Gradient(total, _trainable, StepArrays.Sized(ref _grads, _trainable.Count));
            StepProfile.Charge(StepProfile.Tape, clock);
        }
        long update = StepProfile.Start();
        _model.Optimizer!.Apply(_grads, _trainable);
        StepProfile.Charge(StepProfile.Optimizer, update);
        update = StepProfile.Start();
        Track(total, y, preds, sampleWeight);
        StepProfile.Charge(StepProfile.Track, update);
    }

    private void TestStep(Tensor[] x, Tensor[] y, Tensor? sampleWeight)
    {
        var preds = Forward(x, training: false);
        Track(Losses(y, preds, sampleWeight), y, preds, sampleWeight);
    }

    /// <summary>The model's outputs, and the logits of the outputs trained from them.</summary>
    private Tensor[] Forward(Tensor[] x, bool training)
    {
        var heads = Heads;
        var logits = heads.AnyFromLogits ? StepArrays.Sized(ref _logits, heads.Names.Length) : null;
        return _model.Forward(x, training, ref _preds, logits);
    }

    /// <summary>Each output's loss into <see cref="_losses"/>; returns their weighted sum plus regularization.</summary>
    private Tensor Losses(Tensor[] y, Tensor[] preds, Tensor? sampleWeight)
    {
        var heads = Heads;
        if (preds.Length != heads.Names.Length || y.Length != preds.Length)
            throw new ArgumentException($"Model \"{_model.Name}\" has {preds.Length} output(s), but {y.Length} target array(s) were given (outputs: {string.Join(", ", heads.Names)}).");
        var losses = StepArrays.Sized(ref _losses, preds.Length);
        Tensor? total = null;
        for (int i = 0; i < preds.Length; i++)
        {
            var z = i < _logits.Length ? _logits[i] : null;
            losses[i] = heads.LogitsLoss(i, z) is { } fused ? fused.Compute(y[i], z!, sampleWeight) : heads.Losses[i].Compute(y[i], preds[i], sampleWeight);
            var weighted = heads.Weights[i] == 1.0 ? losses[i] : losses[i] * (float)heads.Weights[i];
            total = total is null ? weighted : total + weighted;
        }
        if (_model.RegularizationLoss() is { } reg) total = total! + reg;
        return total!;
    }

    private void Track(Tensor total, Tensor[] y, Tensor[] preds, Tensor? sampleWeight)
    {
        int batch = y[0].Shape[0];
        _lossSums[0] += total.Item() * (double)batch;
        if (_losses.Length > 1)
            for (int i = 0; i < _losses.Length; i++) _lossSums[i + 1] += _losses[i].Item() * (double)batch;
        _count += batch;
        var metrics = Heads.Metrics;
        for (int i = 0; i < preds.Length; i++)
            for (int j = 0; j < metrics[i].Length; j++) metrics[i][j].UpdateState(y[i], preds[i], sampleWeight);
    }

    /// <summary>The running loss and metrics since <see cref="ResetMetrics"/>, by Keras's log names.</summary>
    public Dictionary<string, double> Logs()
    {
        var heads = Heads;
        double Mean(int i) => _count == 0 ? 0 : _lossSums[i] / _count;
        var logs = new Dictionary<string, double> { ["loss"] = Mean(0) };
        if (heads.Names.Length > 1)
            for (int i = 0; i < heads.Names.Length; i++) logs[heads.Key(i, "loss")] = Mean(i + 1);
        for (int i = 0; i < heads.Names.Length; i++)
            foreach (Metric m in heads.Metrics[i]) logs[heads.Key(i, m.Name)] = m.Result();
        return logs;
    }
}
