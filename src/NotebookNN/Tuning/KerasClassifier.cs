using NotebookNN.Models;
using NotebookNN.Tensors;
using NotebookNN.Learn;

namespace NotebookNN.Tuning;

/// <summary>
/// <c>keras.wrappers.scikit_learn.KerasClassifier</c>: <see cref="Predict"/> gives class indices (arg-max of the outputs,
/// or output &gt; 0.5 for a single sigmoid unit), <see cref="PredictProba"/> the model's outputs, <see cref="Score"/> accuracy.
/// </summary>
public sealed class KerasClassifier : KerasEstimator, IClassifier
{
    /// <summary>Wraps a build function that reads its parameters from <paramref name="parameters"/>.</summary>
    public KerasClassifier(Func<HyperParameters, Model> buildFn, IReadOnlyDictionary<string, object>? parameters = null, int epochs = 1,
        int? batchSize = null, int verbose = 0, IEnumerable<Callback>? callbacks = null)
        : base(buildFn, parameters, epochs, batchSize, verbose, callbacks) { }

    /// <summary>
    /// Wraps a build function with named parameters, as the tutorial writes it: <c>new KerasClassifier(BuildModel)</c> for
    /// <c>Model BuildModel(int n_hidden = 1, int n_neurons = 30, double learning_rate = 3e-3)</c>. A search's keys bind
    /// to those names; <paramref name="parameters"/> overrides defaults.
    /// </summary>
    public KerasClassifier(Delegate buildFn, IReadOnlyDictionary<string, object>? parameters = null, int epochs = 1, int? batchSize = null, int verbose = 0,
        IEnumerable<Callback>? callbacks = null) : this(new BuildFunction(buildFn), parameters, epochs, batchSize, verbose, callbacks) { }

    internal KerasClassifier(BuildFunction buildFn, IReadOnlyDictionary<string, object>? parameters, int epochs, int? batchSize, int verbose,
        IEnumerable<Callback>? callbacks) : base(buildFn, parameters, epochs, batchSize, verbose, callbacks) { }

    /// <summary>Wraps a build function without parameters.</summary>
    public KerasClassifier(Func<Model> buildFn, int epochs = 1, int? batchSize = null, int verbose = 0, IEnumerable<Callback>? callbacks = null)
        : this(_ => buildFn(), null, epochs, batchSize, verbose, callbacks) { }

    /// <summary>The model's outputs (class probabilities).</summary>
    public Tensor PredictProba(Tensor x) => ModelPredict(x);

    /// <inheritdoc/>
    public override Tensor Predict(Tensor x) => Labels.ClassIndices(PredictProba(x));

    /// <inheritdoc/>
    public override double Score(Tensor x, Tensor y) => MetricScores.Accuracy(Labels.ClassIndices(y, labels: true), Predict(x));

    /// <inheritdoc/>
    public override KerasEstimator WithParameters(IReadOnlyDictionary<string, object> parameters) =>
        NamedBuildFn is { } named ? new KerasClassifier(named, parameters, Epochs, BatchSize, Verbose, Callbacks)
            : new KerasClassifier(BuildFn, parameters, Epochs, BatchSize, Verbose, Callbacks);
}
