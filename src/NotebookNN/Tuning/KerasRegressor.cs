using NotebookNN.Callbacks;

namespace NotebookNN;

/// <summary>
/// <c>keras.wrappers.scikit_learn.KerasRegressor</c>: a regression model usable by <see cref="Sklearn.CrossValidate(IEstimator, Tensor, Tensor, ICrossValidator?, string?, bool)"/>
/// and <see cref="RandomizedSearchCV"/>. As in that wrapper (and the tutorial), <see cref="Score"/> is the negated loss
/// (e.g. −MSE), so higher is better; <see cref="Predict"/> squeezes a single output column.
/// </summary>
public sealed class KerasRegressor : KerasEstimator
{
    /// <summary>Wraps a build function that reads its parameters (e.g. n_hidden, n_neurons, learning_rate) from <paramref name="parameters"/>.</summary>
    public KerasRegressor(Func<HyperParameters, Model> buildFn, IReadOnlyDictionary<string, object>? parameters = null, int epochs = 1,
        int? batchSize = null, int verbose = 0, IEnumerable<Callback>? callbacks = null)
        : base(buildFn, parameters, epochs, batchSize, verbose, callbacks) { }

    /// <summary>Wraps a build function without parameters.</summary>
    public KerasRegressor(Func<Model> buildFn, int epochs = 1, int? batchSize = null, int verbose = 0, IEnumerable<Callback>? callbacks = null)
        : this(_ => buildFn(), null, epochs, batchSize, verbose, callbacks) { }

    /// <inheritdoc/>
    public override Tensor Predict(Tensor x)
    {
        var p = Fitted.Predict(x);
        return p.NDim == 2 && p.Shape[1] == 1 ? p.Reshape(p.Shape[0]) : p;
    }

    /// <inheritdoc/>
    public override double Score(Tensor x, Tensor y) => -Fitted.Evaluate(x, y, verbose: 0).Loss;

    /// <inheritdoc/>
    public override KerasEstimator WithParameters(IReadOnlyDictionary<string, object> parameters) =>
        new KerasRegressor(BuildFn, parameters, Epochs, BatchSize, Verbose, Callbacks);
}
