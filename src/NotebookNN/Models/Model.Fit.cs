using NotebookNN.Callbacks;

namespace NotebookNN;

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

        int n = x.Shape[0];
        int steps = (n + bs - 1) / bs;
        var history = new History();
        var list = CallbackList.For(this, verbose, callbacks, epochs, steps, history);

        var weights = classWeight is null ? sampleWeight : TrainingData.ClassWeightsToSampleWeights(y, classWeight, sampleWeight);
        var session = new TrainingSession(this);
        StopTraining = false;
        var empty = new Dictionary<string, double>();
        list.Each(c => c.OnTrainBegin(empty));
        for (int epoch = initialEpoch; epoch < epochs; epoch++)
        {
            session.ResetMetrics();
            list.Each(c => c.OnEpochBegin(epoch, new Dictionary<string, double>()));
            var order = shuffle ? TrainingData.Permutation(n) : null;
            IDictionary<string, double> logs = new Dictionary<string, double>();
            bool batchHooks = list.ObservesBatches;
            for (int step = 0; step < steps; step++)
            {
                if (batchHooks) list.Each((step, logs), static (c, a) => c.OnTrainBatchBegin(a.step, a.logs));
                session.TrainStep(x, y, weights, order, step * bs, Math.Min(n, (step + 1) * bs));
                if (batchHooks)
                {
                    logs = session.Logs();
                    list.Each((step, logs), static (c, a) => c.OnTrainBatchEnd(a.step, a.logs));
                }
                if (StopTraining) break;
            }
            if (!batchHooks) logs = session.Logs();
            CollectEpochGarbage();
            var epochLogs = new Dictionary<string, double>(logs);
            if (validationData is { } v && (epoch + 1 - initialEpoch) % validationFreq == 0)
                foreach (var (k, val) in EvaluateCore(v.X, v.Y, null, bs, list))
                    epochLogs["val_" + k] = val;
            list.Each(c => c.OnEpochEnd(epoch, epochLogs));
            if (StopTraining) break;
        }
        list.Each(c => c.OnTrainEnd(empty));
        return history;
    }

    /// <summary>
    /// Collects the young generation after an epoch once more than <see cref="EpochGarbageBytes"/> were allocated on
    /// this thread since the last such collection (counted across Fit calls: an epoch a call is common). A step leaves
    /// a few kilobytes of small objects (tensor headers, tape closures: the storage itself is in the step arena), and
    /// the GC's default gen-0 budget on a large-cache CPU is tens of megabytes, so without this an epoch's garbage
    /// piles up to that budget on top of the data (≈ +90 MB peak RSS for the 55,000-sample MNIST-sized run). Nothing
    /// of a finished epoch is alive, so the collection is cheap; tiny epochs (a 150-sample tutorial set) skip it.
    /// </summary>
    private static void CollectEpochGarbage()
    {
        long now = GC.GetAllocatedBytesForCurrentThread();
        if (now - t_allocatedAtCollect < EpochGarbageBytes) return;
        GC.Collect(0, GCCollectionMode.Forced, blocking: true);
        t_allocatedAtCollect = now;
    }

    [ThreadStatic] private static long t_allocatedAtCollect;

    private const long EpochGarbageBytes = 8 << 20;
}
