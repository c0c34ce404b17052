using NotebookNN.Models;
using NotebookNN.Tensors;

namespace NotebookNN.Tuning;

/// <summary>
/// KerasTuner's <c>RandomSearch</c>: tries up to <see cref="MaxTrials"/> configurations drawn at random (never the same
/// one twice; it stops early when a discrete space is exhausted), each trained <c>executionsPerTrial</c> times.
/// <code>var tuner = new RandomSearch(Build, objective: "val_loss", maxTrials: 10, seed: 42);
/// tuner.Search(xTrain, yTrain, epochs: 100, validationData: (xValid, yValid));</code>
/// </summary>
public sealed class RandomSearch(Func<HyperParameters, Model> hypermodel, string objective = "val_loss", int maxTrials = 10,
    int executionsPerTrial = 1, int? seed = null, string? direction = null)
    : Tuner(hypermodel, objective, executionsPerTrial, seed, direction)
{
    /// <summary>Most configurations tried.</summary>
    public int MaxTrials { get; } = maxTrials > 0 ? maxTrials : throw new ArgumentException($"`max_trials` must be positive. Received: max_trials={maxTrials}");

    /// <inheritdoc/>
    public override void Search(Tensor x, Tensor y, int epochs = 1, int? batchSize = null, (Tensor X, Tensor Y)? validationData = null,
        double validationSplit = 0, IEnumerable<Callback>? callbacks = null, bool shuffle = true, int verbose = 1)
    {
        var fit = Arguments(x, y, batchSize, validationData, validationSplit, callbacks, shuffle);
        var token = SearchToken();
        for (int t = Results.Count; t < MaxTrials; t++)
        {
            ThrowIfStopped(token);
            var hp = NextConfiguration();
            if (hp is null) break;
            RunTrial(hp, fit, epochs, verbose);
        }
    }
}
