using NotebookNN.Callbacks;
using NotebookNN.Tensors;

namespace NotebookNN.Models;

public partial class Model
{
    /// <summary>
    /// Trains the model for a number of epochs (keras.Model.fit) and returns its <see cref="History"/>.
    /// With <paramref name="verbose"/> 1 a progress bar per epoch, 2 one line per epoch, 0 nothing.
    /// </summary>
    /// <param name="x">Input samples, first axis the samples.</param>
    /// <param name="y">Targets, one per sample.</param>
    /// <param name="batchSize">Samples per gradient update; default 32.</param>
    /// <param name="epochs">Epoch index to stop at (with <paramref name="initialEpoch"/>, the epochs run are initialEpoch..epochs-1).</param>
    /// <param name="verbose">0 silent, 1 progress bar, 2 one line per epoch.</param>
    /// <param name="callbacks">Callbacks called during training.</param>
    /// <param name="validationSplit">Fraction of the data, taken from the end before shuffling, held out for validation.</param>
    /// <param name="validationData">(x, y) evaluated at the end of each epoch; overrides <paramref name="validationSplit"/>.</param>
    /// <param name="shuffle">Shuffle the samples before each epoch.</param>
    /// <param name="classWeight">Class index → weight applied to the loss of that class's samples.</param>
    /// <param name="sampleWeight">A weight per sample applied to its loss.</param>
    /// <param name="initialEpoch">The epoch to start at (to resume a previous run).</param>
    /// <param name="validationFreq">Validate every this many epochs.</param>
    public History Fit(Tensor x, Tensor y, int? batchSize = null, int epochs = 1, int verbose = 1,
        IEnumerable<Callback>? callbacks = null, double validationSplit = 0.0, (Tensor X, Tensor Y)? validationData = null,
        bool shuffle = true, IReadOnlyDictionary<int, double>? classWeight = null, Tensor? sampleWeight = null,
        int initialEpoch = 0, int validationFreq = 1)
    {
        EnsureCompiled();
        TrainingData.CheckPair(x, y, "x", "y");
        if (sampleWeight is not null) TrainingData.CheckSampleWeight(x, sampleWeight);
        int bs = TrainingData.CheckBatchSize(batchSize);
        if (epochs < 0) throw new ArgumentException($"Argument `epochs` must be a non-negative integer. Received: epochs={epochs}");
        if (validationFreq < 1) throw new ArgumentException($"Argument `validation_freq` must be a positive integer. Received: validation_freq={validationFreq}");
        TrainingData.CheckVerbose(verbose);

        if (validationData is null && validationSplit != 0)
            (x, y, sampleWeight, validationData) = TrainingData.SplitValidation(x, y, sampleWeight, validationSplit);
        if (validationData is { } vd) TrainingData.CheckPair(vd.X, vd.Y, "validation x", "validation y");
        TargetShapeCheck.Run(this, x, y, "y");
        if (validationData is { } checkedVd) TargetShapeCheck.Run(this, checkedVd.X, checkedVd.Y, "validation y");

        int n = x.Shape[0];
        var history = new History();
        var list = CallbackList.For(this, verbose, callbacks, epochs, (n + bs - 1) / bs, history);
        var weights = classWeight is null ? sampleWeight : TrainingData.ClassWeightsToSampleWeights(y, classWeight, sampleWeight);
        var session = new TrainingSession(this);
        Func<Dictionary<string, double>>? validate = validationData is { } v ? () => EvaluateCore(v.X, v.Y, null, bs, list) : null;
        EpochLoop.Run(this, list, n, bs, epochs, initialEpoch, shuffle, validationFreq, session.ResetMetrics,
            (order, start, end) => session.TrainStep(x, y, weights, order, start, end), session.Logs, validate);
        return history;
    }
}
