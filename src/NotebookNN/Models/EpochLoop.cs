using NotebookNN.Callbacks;
using NotebookNN.Randomness;

namespace NotebookNN.Models;

/// <summary>
/// The epoch loop of <c>Fit</c>, shared by its single-array and list forms: the callback hooks in Keras's order,
/// shuffling, the steps of each epoch, validation every <c>validationFreq</c> epochs, and stopping when a callback
/// sets <see cref="Model.StopTraining"/>. The forms differ only in how one step runs and how validation evaluates.
/// Between steps it checks the notebook's cancellation token (<see cref="CallbackList.Token"/>): when the cell is
/// stopped, the displays say so, OnTrainEnd runs (History keeps the finished epochs) and a
/// <see cref="KeyboardInterruptException"/> is thrown; the model keeps the weights of the last finished step.
/// </summary>
internal static class EpochLoop
{
    /// <param name="model">The model trained (its StopTraining flag is reset and watched).</param>
    /// <param name="list">The callbacks, History among them.</param>
    /// <param name="n">Number of training samples.</param>
    /// <param name="batchSize">Samples per step; the last step takes the remainder.</param>
    /// <param name="epochs">The epoch index to stop at.</param>
    /// <param name="initialEpoch">The epoch index to start at.</param>
    /// <param name="shuffle">Shuffle the samples before each epoch.</param>
    /// <param name="validationFreq">Validate every this many epochs.</param>
    /// <param name="resetMetrics">Clears the running loss and metrics (each epoch start).</param>
    /// <param name="trainStep">One training step on samples [start, end) of the epoch's order (null: in order).</param>
    /// <param name="logs">The running loss and metrics of the epoch so far.</param>
    /// <param name="validate">The validation loss and metrics (unprefixed), or null without validation data.</param>
    public static void Run(Model model, CallbackList list, int n, int batchSize, int epochs, int initialEpoch, bool shuffle,
        int validationFreq, Action resetMetrics, Action<int[]?, int, int> trainStep, Func<Dictionary<string, double>> logs,
        Func<Dictionary<string, double>>? validate)
    {
        var order = shuffle ? model.RentOrderBuffer(n) : null; // reshuffled in place each epoch
        using var random = RandomGenerator.Use(model.SeedGenerator); // unseeded draws of custom layers and losses: the model's stream
        try { Epochs(model, list, n, batchSize, epochs, initialEpoch, order, validationFreq, resetMetrics, trainStep, logs, validate); }
        finally { if (order is not null) model.ReturnOrderBuffer(order); }
    }

    private static void Epochs(Model model, CallbackList list, int n, int batchSize, int epochs, int initialEpoch, int[]? order,
        int validationFreq, Action resetMetrics, Action<int[]?, int, int> trainStep, Func<Dictionary<string, double>> logs,
        Func<Dictionary<string, double>>? validate)
    {
        int steps = (n + batchSize - 1) / batchSize;
        model.StopTraining = false;
        var empty = new Dictionary<string, double>();
        var token = list.Token;
        list.Each(c => c.OnTrainBegin(empty));
        int epoch = initialEpoch, done = 0; // where an interrupt finds the loop: steps finished in the epoch
        bool validating = false;
        try
        {
            for (; epoch < epochs; epoch++)
            {
                resetMetrics();
                list.Each(c => c.OnEpochBegin(epoch, new Dictionary<string, double>()));
                if (order is not null) model.SeedGenerator.Permutation(order);
                IDictionary<string, double> batchLogs = new Dictionary<string, double>();
                bool batchHooks = list.ObservesBatches; // without observers no per-step logs are built
                for (done = 0; done < steps; done++)
                {
                    int step = done;
                    token.ThrowIfCancellationRequested();
                    if (batchHooks) list.Each((step, batchLogs), static (c, a) => c.OnTrainBatchBegin(a.step, a.batchLogs));
                    trainStep(order, step * batchSize, Math.Min(n, (step + 1) * batchSize));
                    if (batchHooks || list.ProgressDue()) // a notebook display is given logs only when it redraws
                    {
                        batchLogs = logs();
                        list.Each((step, batchLogs), static (c, a) => c.OnTrainBatchEnd(a.step, a.batchLogs));
                    }
                    if (model.StopTraining) { done++; break; }
                }
                token.ThrowIfCancellationRequested();
                CollectEpochGarbage();
                var epochLogs = logs();
                validating = true;
                if (validate is not null && (epoch + 1 - initialEpoch) % validationFreq == 0)
                    foreach (var (k, val) in validate())
                        epochLogs["val_" + k] = val;
                validating = false;
                list.Each(c => c.OnEpochEnd(epoch, epochLogs));
                if (model.StopTraining) break;
            }
        }
        catch (OperationCanceledException e) when (token.IsCancellationRequested)
        {
            var interrupt = KeyboardInterruptException.Training(epoch, epochs, done, steps, validating, e, token);
            list.Interrupted(interrupt.Message, training: true);
            list.Each(c => c.OnTrainEnd(empty));
            throw interrupt;
        }
        list.Each(c => c.OnTrainEnd(empty));
    }

    /// <summary>
    /// Collects the young generation after an epoch once more than <see cref="EpochGarbageBytes"/> were allocated on
    /// this thread since the last such collection (counted across Fit calls: an epoch a call is common). The built-in
    /// layers' steps allocate nothing (TrainStepAllocationTests), but a custom layer's or a subclassed model's ops that
    /// record closures, callbacks and logs leave small objects, and the GC's default gen-0 budget on a large-cache CPU
    /// is tens of megabytes: without this an epoch's garbage piles up to that budget on top of the data (≈ +90 MB peak
    /// RSS for the 55,000-sample MNIST-sized run when steps still left a few kilobytes each). Nothing of a finished epoch
    /// is alive, so the collection is cheap; epochs that allocate little never reach the threshold.
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
