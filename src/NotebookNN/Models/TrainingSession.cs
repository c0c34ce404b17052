using NotebookNN.Metrics;

namespace NotebookNN;

/// <summary>
/// One train / test step of a compiled model and the running values an epoch reports: the loss as a mean
/// weighted by batch size (as Keras 2's loss tracker) and each compiled metric.
/// </summary>
internal sealed class TrainingSession
{
    private readonly Model _model;
    /// <summary>Fetched after the first forward pass: a model that was not built yet builds its weights there.</summary>
    private IReadOnlyList<Variable>? _trainable;
    private readonly TensorArena _arena = new();
    private double _lossSum, _lossCount;

    public TrainingSession(Model model)
    {
        _model = model;
    }

    public void ResetMetrics()
    {
        _lossSum = _lossCount = 0;
        foreach (var m in _model.Metrics) m.ResetState();
    }

    /// <summary>A train step on samples [start, end) of the epoch's order, every tensor of the step in the arena.</summary>
    public Dictionary<string, double> TrainStep(Tensor x, Tensor y, Tensor? sampleWeight, int[]? order, int start, int end)
    {
        using var scope = _arena.Enter();
        var (xb, yb, wb) = TrainingData.Batch(x, y, sampleWeight, order, start, end);
        return TrainStep(xb, yb, wb);
    }

    /// <summary>A test step on samples [start, end), every tensor of the step in the arena.</summary>
    public Dictionary<string, double> TestStep(Tensor x, Tensor y, Tensor? sampleWeight, int start, int end)
    {
        using var scope = _arena.Enter();
        var (xb, yb, wb) = TrainingData.Batch(x, y, sampleWeight, null, start, end);
        return TestStep(xb, yb, wb);
    }

    /// <summary>Forward with the tape, loss plus regularization, gradients, one optimizer update; returns the running logs.</summary>
    public Dictionary<string, double> TrainStep(Tensor x, Tensor y, Tensor? sampleWeight)
    {
        Tensor pred, loss;
        Tensor?[] grads;
        using (var tape = new GradientTape())
        {
            pred = _model.Forward(x, training: true);
            loss = _model.Loss!.Compute(y, pred, sampleWeight);
            if (_model.RegularizationLoss() is { } reg) loss = loss + reg;
            _trainable ??= _model.TrainableWeights;
            grads = tape.Gradient(loss, _trainable);
        }
        _model.Optimizer!.Apply(grads, _trainable);
        return Track(loss, y, pred, sampleWeight);
    }

    /// <summary>Forward in inference mode and the loss; returns the running logs.</summary>
    public Dictionary<string, double> TestStep(Tensor x, Tensor y, Tensor? sampleWeight)
    {
        var pred = _model.Forward(x, training: false);
        var loss = _model.Loss!.Compute(y, pred, sampleWeight);
        if (_model.RegularizationLoss() is { } reg) loss = loss + reg;
        return Track(loss, y, pred, sampleWeight);
    }

    private Dictionary<string, double> Track(Tensor loss, Tensor y, Tensor pred, Tensor? sampleWeight)
    {
        int batch = y.Shape[0];
        _lossSum += loss.Item() * (double)batch;
        _lossCount += batch;
        foreach (var m in _model.Metrics) m.UpdateState(y, pred, sampleWeight);
        return Logs();
    }

    public Dictionary<string, double> Logs()
    {
        var logs = new Dictionary<string, double> { ["loss"] = _lossCount == 0 ? 0 : _lossSum / _lossCount };
        foreach (Metric m in _model.Metrics) logs[m.Name] = m.Result();
        return logs;
    }
}
