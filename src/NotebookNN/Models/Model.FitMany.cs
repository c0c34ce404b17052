using NotebookNN.Callbacks;
using NotebookNN.Tensors;

namespace NotebookNN.Models;

public partial class Model
{
    /// <summary>
    /// Trains a model with several inputs and/or outputs (keras.Model.fit with lists): one array per input in
    /// <paramref name="x"/> and one per output in <paramref name="y"/>. History holds <c>loss</c>, each output's loss
    /// (<c>main_output_loss</c>) and metrics, and their <c>val_</c> forms.
    /// </summary>
    /// <param name="x">One array per model input, in <see cref="InputNames"/> order.</param>
    /// <param name="y">One target array per model output, in <see cref="OutputNames"/> order.</param>
    /// <param name="batchSize">Samples per gradient update; default 32.</param>
    /// <param name="epochs">Epoch index to stop at.</param>
    /// <param name="verbose">0 silent, 1 progress bar, 2 one line per epoch.</param>
    /// <param name="callbacks">Callbacks called during training.</param>
    /// <param name="validationSplit">Fraction of the samples, taken from the end, held out for validation.</param>
    /// <param name="validationData">One array per input and per output, evaluated after each epoch.</param>
    /// <param name="shuffle">Shuffle the samples before each epoch.</param>
    /// <param name="sampleWeight">A weight per sample applied to every output's loss.</param>
    /// <param name="initialEpoch">The epoch to start at.</param>
    /// <param name="validationFreq">Validate every this many epochs.</param>
    public History Fit(Tensor[] x, Tensor[] y, int? batchSize = null, int epochs = 1, int verbose = 1,
        IEnumerable<Callback>? callbacks = null, double validationSplit = 0.0, (Tensor[] X, Tensor[] Y)? validationData = null,
        bool shuffle = true, Tensor? sampleWeight = null, int initialEpoch = 0, int validationFreq = 1)
    {
        EnsureCompiled();
        int n = MultiData.CheckArrays(x, y);
        if (sampleWeight is not null) TrainingData.CheckSampleWeight(x[0], sampleWeight);
        int bs = TrainingData.CheckBatchSize(batchSize);
        if (epochs < 0) throw new ArgumentException($"Argument `epochs` must be a non-negative integer. Received: epochs={epochs}");
        if (validationFreq < 1) throw new ArgumentException($"Argument `validation_freq` must be a positive integer. Received: validation_freq={validationFreq}");
        TrainingData.CheckVerbose(verbose);
        if (validationData is null && validationSplit != 0)
        {
            if (!(validationSplit > 0 && validationSplit < 1))
                throw new ArgumentException(Invariant($"Argument `validation_split` must be a float between 0 and 1 (exclusive). Received: validation_split={validationSplit}"));
            int train = (int)Math.Floor(n * (1 - validationSplit));
            if (train == 0 || train == n) throw new ArgumentException(Invariant($"validation_split={validationSplit} leaves no samples for {(train == 0 ? "training" : "validation")} out of {n}."));
            var (xt, xv) = MultiData.Split(x, train);
            var (yt, yv) = MultiData.Split(y, train);
            (x, y, n, validationData) = (xt, yt, train, (xv, yv));
            sampleWeight = sampleWeight?[..train];
        }
        if (validationData is { } vd) MultiData.CheckArrays(vd.X, vd.Y);

        var history = new History();
        var list = CallbackList.For(this, verbose, callbacks, epochs, (n + bs - 1) / bs, history);
        var session = new MultiIOSession(this, Heads(y.Length));
        Func<Dictionary<string, double>>? validate = validationData is { } v ? () => EvaluateManyCore(v.X, v.Y, null, bs, list) : null;
        EpochLoop.Run(this, list, n, bs, epochs, initialEpoch, shuffle, validationFreq, session.ResetMetrics,
            (order, start, end) => session.Step(x, y, sampleWeight, order, start, end, train: true), session.Logs, validate);
        return history;
    }

    /// <summary>Trains with inputs and targets given by input and output name (keras.Model.fit with dicts).</summary>
    public History Fit(IReadOnlyDictionary<string, Tensor> x, IReadOnlyDictionary<string, Tensor> y, int? batchSize = null, int epochs = 1,
        int verbose = 1, IEnumerable<Callback>? callbacks = null, double validationSplit = 0.0, bool shuffle = true, Tensor? sampleWeight = null) =>
        Fit(MultiData.FromDictionary(x, InputNames, "input"), MultiData.FromDictionary(y, OutputNames, "output"), batchSize, epochs, verbose,
            callbacks, validationSplit, null, shuffle, sampleWeight);

    /// <summary>The loss, each output's loss and metrics on lists of arrays (keras.Model.evaluate with lists).</summary>
    public EvaluationResult Evaluate(Tensor[] x, Tensor[] y, int? batchSize = null, int verbose = 1, Tensor? sampleWeight = null,
        IEnumerable<Callback>? callbacks = null)
    {
        EnsureCompiled();
        int n = MultiData.CheckArrays(x, y);
        if (sampleWeight is not null) TrainingData.CheckSampleWeight(x[0], sampleWeight);
        int bs = TrainingData.CheckBatchSize(batchSize);
        TrainingData.CheckVerbose(verbose);
        var list = CallbackList.For(this, verbose, callbacks, epochs: 1, steps: (n + bs - 1) / bs);
        return new EvaluationResult(EvaluateManyCore(x, y, sampleWeight, bs, list));
    }

    /// <summary>Evaluates with inputs and targets by input and output name.</summary>
    public EvaluationResult Evaluate(IReadOnlyDictionary<string, Tensor> x, IReadOnlyDictionary<string, Tensor> y, int? batchSize = null, int verbose = 1) =>
        Evaluate(MultiData.FromDictionary(x, InputNames, "input"), MultiData.FromDictionary(y, OutputNames, "output"), batchSize, verbose);

    private Dictionary<string, double> EvaluateManyCore(Tensor[] x, Tensor[] y, Tensor? sampleWeight, int batchSize, CallbackList callbacks)
    {
        var session = new MultiIOSession(this, Heads(y.Length));
        session.ResetMetrics();
        int n = x[0].Shape[0];
        var logs = session.Logs();
        callbacks.Each(c => c.OnTestBegin(new Dictionary<string, double>()));
        for (int step = 0; step * batchSize < n; step++)
        {
            int s = step;
            callbacks.ThrowIfInterrupted("evaluation", step, (n + batchSize - 1) / batchSize);
            callbacks.Each(c => c.OnTestBatchBegin(s, logs));
            session.Step(x, y, sampleWeight, null, step * batchSize, Math.Min(n, (step + 1) * batchSize), train: false);
            logs = session.Logs();
            callbacks.Each(c => c.OnTestBatchEnd(s, logs));
        }
        callbacks.Each(c => c.OnTestEnd(logs));
        return logs;
    }
}
