using NotebookNN.Callbacks;
using NotebookNN.Randomness;
using NotebookNN.Tensors;

namespace NotebookNN.Models;

internal sealed partial class Trainer
{
    /// <summary>
    /// Fit of every form (keras.Model.fit): checks the arguments, holds out the validation split, and runs the epochs.
    /// </summary>
    /// <param name="model">The model trained.</param>
    /// <param name="data">The training arrays (one per input, one per output) and sample weights.</param>
    /// <param name="validation">Arrays evaluated after each epoch, or null (then <see cref="FitOptions.ValidationSplit"/> may make them).</param>
    /// <param name="options">The other arguments of Fit.</param>
    public static History Fit(Model model, CallData data, CallData? validation, FitOptions options)
    {
        model.EnsureCompiled();
        data.Check(CallData.Use.Train);
        int bs = CallData.CheckBatchSize(options.BatchSize);
        options.Check();
        if (validation is null && options.ValidationSplit != 0) (data, validation) = data.SplitValidation(options.ValidationSplit);
        validation?.Check(CallData.Use.Train);
        data.CheckTargetShapes(model);
        validation?.CheckTargetShapes(model);
        if (options.ClassWeight is { } classWeight) data = data.WithClassWeights(classWeight);

        int n = data.Count;
        var history = new History();
        var list = CallbackList.For(model, options.Verbose, options.Callbacks, options.Epochs, (n + bs - 1) / bs, history);
        new Trainer(model, data.Y.Length).Epochs(list, data, validation, bs, options);
        return history;
    }

    /// <summary>
    /// The epoch loop: the callback hooks in Keras's order, shuffling, the steps of each epoch, validation every
    /// <c>validationFreq</c> epochs, and stopping when a callback sets <see cref="Model.StopTraining"/>. Before every
    /// step it checks the notebook's cancellation token (<see cref="CallbackList.Token"/>): when the cell is stopped,
    /// the displays say so, OnTrainEnd runs (History keeps the finished epochs) and a
    /// <see cref="KeyboardInterruptException"/> is thrown; the model keeps the weights of the last finished step.
    /// </summary>
    private void Epochs(CallbackList list, CallData data, CallData? validation, int batchSize, FitOptions options)
    {
        int n = data.Count;
        var order = options.Shuffle ? _model.Orders.Rent(n) : null; // reshuffled in place each epoch
        using var random = RandomGenerator.Use(_model.SeedGenerator); // unseeded draws of custom layers and losses: the model's stream
        try { Epochs(list, data, validation, batchSize, options, order); }
        finally { if (order is not null) _model.Orders.Return(order); }
    }

    private void Epochs(CallbackList list, CallData data, CallData? validation, int batchSize, FitOptions options, int[]? order)
    {
        int n = data.Count, steps = (n + batchSize - 1) / batchSize, epochs = options.Epochs;
        _model.StopTraining = false;
        var empty = new Dictionary<string, double>();
        var token = list.Token;
        list.Each(c => c.OnTrainBegin(empty));
        int epoch = options.InitialEpoch, done = 0; // where an interrupt finds the loop: steps finished in the epoch
        bool validating = false;
        try
        {
            for (; epoch < epochs; epoch++)
            {
                ResetMetrics();
                list.Each(c => c.OnEpochBegin(epoch, new Dictionary<string, double>()));
                if (order is not null) _model.SeedGenerator.Permutation(order);
                IDictionary<string, double> batchLogs = new Dictionary<string, double>();
                bool batchHooks = list.ObservesBatches; // without observers no per-step logs are built
                for (done = 0; done < steps; done++)
                {
                    int step = done;
                    token.ThrowIfCancellationRequested();
                    if (batchHooks) list.Each((step, batchLogs), static (c, a) => c.OnTrainBatchBegin(a.step, a.batchLogs));
                    Step(data, order, step * batchSize, Math.Min(n, (step + 1) * batchSize), train: true);
                    if (batchHooks || list.ProgressDue()) // a notebook display is given logs only when it redraws
                    {
                        batchLogs = Logs();
                        list.Each((step, batchLogs), static (c, a) => c.OnTrainBatchEnd(a.step, a.batchLogs));
                    }
                    if (_model.StopTraining) { done++; break; }
                }
                token.ThrowIfCancellationRequested();
                CollectEpochGarbage();
                var epochLogs = Logs();
                validating = true;
                if (validation is not null && (epoch + 1 - options.InitialEpoch) % options.ValidationFreq == 0)
                    foreach (var (k, val) in Evaluate(validation, batchSize, list))
                        epochLogs["val_" + k] = val;
                validating = false;
                list.Each(c => c.OnEpochEnd(epoch, epochLogs));
                if (_model.StopTraining) break;
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
