using NotebookNN.Metrics;
using NotebookNN.Autodiff;
using NotebookNN.Tensors;

namespace NotebookNN.Models;

/// <summary>
/// One train / test step of a compiled model and the running values an epoch reports: the loss as a mean
/// weighted by batch size (as Keras 2's loss tracker) and each compiled metric.
/// </summary>
internal sealed class TrainingSession
{
    private readonly Model _model;
    /// <summary>Fetched after the first forward pass: a model that was not built yet builds its weights there.</summary>
    private IReadOnlyList<Variable>? _trainable;
    /// <summary>Used when the model's own arena is busy (a nested or concurrent step on the same model).</summary>
    private TensorArena? _fallbackArena;
    private double _lossSum, _lossCount;
    private GradientTape? _tape;
    private Tensor?[] _grads = [];

    public TrainingSession(Model model)
    {
        _model = model;
    }

    public void ResetMetrics()
    {
        _lossSum = _lossCount = 0;
        for (int i = 0; i < _model.Metrics.Count; i++) _model.Metrics[i].ResetState();
    }

    /// <summary>A train step on samples [start, end) of the epoch's order, every tensor of the step in the arena;
    /// the running values are read with <see cref="Logs"/>.</summary>
    public void TrainStep(Tensor x, Tensor y, Tensor? sampleWeight, int[]? order, int start, int end)
    {
        using var scope = TensorArena.EnterEither(_model.StepArena, ref _fallbackArena);
        var (xb, yb, wb) = TrainingData.Batch(x, y, sampleWeight, order, start, end);
        RunTrainStep(xb, yb, wb);
    }

    /// <summary>A test step on samples [start, end), every tensor of the step in the arena.</summary>
    public void TestStep(Tensor x, Tensor y, Tensor? sampleWeight, int start, int end)
    {
        using var scope = TensorArena.EnterEither(_model.StepArena, ref _fallbackArena);
        var (xb, yb, wb) = TrainingData.Batch(x, y, sampleWeight, null, start, end);
        RunTestStep(xb, yb, wb);
    }

    /// <summary>Forward with the tape, loss plus regularization, gradients, one optimizer update; returns the running logs.</summary>
    public Dictionary<string, double> TrainStep(Tensor x, Tensor y, Tensor? sampleWeight)
    {
        RunTrainStep(x, y, sampleWeight);
        return Logs();
    }

    /// <summary>Forward in inference mode and the loss; returns the running logs.</summary>
    public Dictionary<string, double> TestStep(Tensor x, Tensor y, Tensor? sampleWeight)
    {
        RunTestStep(x, y, sampleWeight);
        return Logs();
    }

    private void RunTrainStep(Tensor x, Tensor y, Tensor? sampleWeight)
    {
        Tensor pred, loss;
        // One tape and one gradient array reused step after step: a step allocates neither.
        using (var tape = _tape is null ? _tape = new GradientTape() : _tape.Restart())
        {
            pred = _model.Forward(x, training: true);
            loss = _model.Loss!.Compute(y, pred, sampleWeight);
            if (_model.RegularizationLoss() is { } reg) loss = loss + reg;
            _trainable ??= _model.TrainableWeights;
            tape.Gradient(loss, _trainable, StepArrays.Sized(ref _grads, _trainable.Count));
        }
        _model.Optimizer!.Apply(_grads, _trainable);
        Array.Clear(_grads); // hold no tensor of the step past it
        Track(loss, y, pred, sampleWeight);
    }

    private void RunTestStep(Tensor x, Tensor y, Tensor? sampleWeight)
    {
        var pred = _model.Forward(x, training: false);
        var loss = _model.Loss!.Compute(y, pred, sampleWeight);
        if (_model.RegularizationLoss() is { } reg) loss = loss + reg;
        Track(loss, y, pred, sampleWeight);
    }

    private void Track(Tensor loss, Tensor y, Tensor pred, Tensor? sampleWeight)
    {
        int batch = y.Shape[0];
        _lossSum += loss.Item() * (double)batch;
        _lossCount += batch;
        var metrics = _model.Metrics;
        for (int i = 0; i < metrics.Count; i++) metrics[i].UpdateState(y, pred, sampleWeight);
    }

    public Dictionary<string, double> Logs()
    {
        var logs = new Dictionary<string, double> { ["loss"] = _lossCount == 0 ? 0 : _lossSum / _lossCount };
        foreach (Metric m in _model.Metrics) logs[m.Name] = m.Result();
        return logs;
    }
}
