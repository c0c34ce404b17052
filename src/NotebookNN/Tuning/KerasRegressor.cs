using NotebookNN.Models;
using NotebookNN.Tensors;

namespace NotebookNN.Tuning;

/// <summary>
/// <c>keras.wrappers.scikit_learn.KerasRegressor</c>: a regression model usable by <see cref="Sklearn.CrossValidate(Learn.IEstimator, Tensors.Tensor, Tensors.Tensor, Learn.ICrossValidator?, string?, bool, int?)"/>
/// and <see cref="RandomizedSearchCV"/>. As in that wrapper (and the tutorial), <see cref="Score"/> is the negated loss
/// (e.g. −MSE), so higher is better; <see cref="Predict"/> squeezes a single output column.
/// </summary>
public sealed class KerasRegressor : KerasEstimator
{
    /// <summary>Wraps a build function that reads its parameters (e.g. n_hidden, n_neurons, learning_rate) from <paramref name="parameters"/>.</summary>
    public KerasRegressor(Func<HyperParameters, Model> buildFn, IReadOnlyDictionary<string, object>? parameters = null, int epochs = 1,
        int? batchSize = null, int verbose = 0, IEnumerable<Callback>? callbacks = null)
        : base(buildFn, parameters, epochs, batchSize, verbose, callbacks) { }

    /// <summary>
    /// Wraps a build function with named parameters, as the tutorial writes it: <c>new KerasRegressor(BuildModel)</c> for
    /// <c>Model BuildModel(int n_hidden = 1, int n_neurons = 30, double learning_rate = 3e-3)</c>. A search's keys bind
    /// to those names; <paramref name="parameters"/> overrides defaults.
    /// </summary>
    public KerasRegressor(Delegate buildFn, IReadOnlyDictionary<string, object>? parameters = null, int epochs = 1, int? batchSize = null, int verbose = 0,
        IEnumerable<Callback>? callbacks = null) : this(new BuildFunction(buildFn), parameters, epochs, batchSize, verbose, callbacks) { }

    internal KerasRegressor(BuildFunction buildFn, IReadOnlyDictionary<string, object>? parameters, int epochs, int? batchSize, int verbose,
        IEnumerable<Callback>? callbacks) : base(buildFn, parameters, epochs, batchSize, verbose, callbacks) { }

    /// <summary>Wraps a build function without parameters.</summary>
    public KerasRegressor(Func<Model> buildFn, int epochs = 1, int? batchSize = null, int verbose = 0, IEnumerable<Callback>? callbacks = null)
        : this(_ => buildFn(), null, epochs, batchSize, verbose, callbacks) { }

    /// <inheritdoc/>
    public override Tensor Predict(Tensor x)
    {
        var p = ModelPredict(x);
        return p.NDim == 2 && p.Shape[1] == 1 ? p.Reshape(p.Shape[0]) : p;
    }

    /// <inheritdoc/>
    public override double Score(Tensor x, Tensor y) => -Fitted.Evaluate(x, y, verbose: Verbose).Loss;

    /// <inheritdoc/>
    public override KerasEstimator WithParameters(IReadOnlyDictionary<string, object> parameters) =>
        NamedBuildFn is { } named ? new KerasRegressor(named, parameters, Epochs, BatchSize, Verbose, Callbacks)
            : new KerasRegressor(BuildFn, parameters, Epochs, BatchSize, Verbose, Callbacks);
}
