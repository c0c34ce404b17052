using NotebookNN.Learn;
using NotebookNN.Models;
using NotebookNN.Tensors;

namespace NotebookNN.Tuning;

/// <summary>
/// Base of <see cref="KerasRegressor"/> and <see cref="KerasClassifier"/> (the <c>keras.wrappers.scikit_learn</c>
/// wrappers): a model-building function plus the parameters passed to it and the default Fit arguments.
/// </summary>
public abstract class KerasEstimator : IKerasWrapper
{
    private readonly Func<HyperParameters, Model> _build;
    private readonly BuildFunction? _named;

    /// <summary>Wraps a build function that reads its parameters from a <see cref="HyperParameters"/>.</summary>
    protected KerasEstimator(Func<HyperParameters, Model> buildFn, IReadOnlyDictionary<string, object>? parameters, int epochs, int? batchSize,
        int verbose, IEnumerable<Callback>? callbacks)
    {
        _build = buildFn ?? throw new ArgumentNullException(nameof(buildFn));
        Parameters = new Dictionary<string, object>(parameters ?? new Dictionary<string, object>());
        (Epochs, BatchSize, Verbose, Callbacks) = (epochs, batchSize, verbose, callbacks?.ToArray() ?? []);
    }

    /// <summary>Wraps a build function with named parameters (bound by name, defaults for the rest; see <see cref="BuildFunction"/>).</summary>
    private protected KerasEstimator(BuildFunction buildFn, IReadOnlyDictionary<string, object>? parameters, int epochs, int? batchSize, int verbose,
        IEnumerable<Callback>? callbacks)
    {
        var named = _named = buildFn;
        _build = hp => named.Invoke(hp.Values.ToDictionary(kv => kv.Key, kv => (object?)kv.Value), GetType().Name);
        Parameters = new Dictionary<string, object>();
        foreach (var (k, v) in parameters ?? new Dictionary<string, object>()) Parameters[named.Bind(k, GetType().Name)] = v;
        (Epochs, BatchSize, Verbose, Callbacks) = (epochs, batchSize, verbose, callbacks?.ToArray() ?? []);
    }

    /// <summary>The values handed to the build function (<c>get_params</c>).</summary>
    public Dictionary<string, object> Parameters { get; }
    /// <summary>Default epochs for <see cref="Fit(Tensor, Tensor)"/>.</summary>
    public int Epochs { get; }
    /// <summary>Default batch size.</summary>
    public int? BatchSize { get; }
    /// <summary>Verbosity of Fit.</summary>
    public int Verbose { get; }
    /// <summary>Callbacks passed to every Fit.</summary>
    public IReadOnlyList<Callback> Callbacks { get; }

    /// <summary>The trained model (after Fit).</summary>
    public Model? Model { get; private set; }
    /// <summary>The History of the last Fit.</summary>
    public History? History { get; private set; }

    /// <summary>Builds a fresh model and trains it with the default Fit arguments.</summary>
    public IEstimator Fit(Tensor x, Tensor y) => Fit(x, y, null);

    /// <summary>Builds a fresh model and trains it; the named arguments override the defaults (as in the tutorial's <c>keras_reg.fit(...)</c>).</summary>
    public KerasEstimator Fit(Tensor x, Tensor y, int? epochs, (Tensor X, Tensor Y)? validationData = null, IEnumerable<Callback>? callbacks = null,
        int? batchSize = null, int? verbose = null)
    {
        var hp = new HyperParameters();
        foreach (var (k, v) in Parameters) hp.Set(k, v);
        Model = _build(hp) ?? throw new InvalidOperationException($"The build function of {GetType().Name} returned null; it must return a compiled Model.");
        History = Model.Fit(x, PrepareTargets(y), batchSize: batchSize ?? BatchSize, epochs: epochs ?? Epochs, verbose: verbose ?? Verbose,
            callbacks: callbacks ?? Callbacks, validationData: validationData is { } vd ? (vd.X, PrepareTargets(vd.Y)) : null);
        return this;
    }

    IEstimator IKerasWrapper.Fit(Tensor x, Tensor y, int? epochs, (Tensor X, Tensor Y)? validationData, IEnumerable<Callback>? callbacks) =>
        Fit(x, y, epochs, validationData, callbacks);

    /// <inheritdoc/>
    public abstract Tensor Predict(Tensor x);

    /// <inheritdoc/>
    public abstract double Score(Tensor x, Tensor y);

    /// <inheritdoc/>
    public IEstimator Clone() => WithParameters(Parameters);

    /// <summary>The build function's parameters: for one with named parameters their defaults overridden by <see cref="Parameters"/>, else <see cref="Parameters"/>.</summary>
    public IReadOnlyDictionary<string, object?> GetParams()
    {
        var p = new Dictionary<string, object?>(_named?.Defaults ?? new Dictionary<string, object?>());
        foreach (var (k, v) in Parameters) p[k] = v;
        return p;
    }

    /// <inheritdoc/>
    public IParameterizedEstimator WithParams(IReadOnlyDictionary<string, object?> parameters)
    {
        var p = new Dictionary<string, object>(Parameters);
        foreach (var (k, v) in parameters)
        {
            var name = _named?.Bind(k, GetType().Name) ?? k;
            if (v is null) p.Remove(name); else p[name] = v;
        }
        return WithParameters(p);
    }

    /// <summary>A copy with these parameters (scikit-learn's <c>clone(est).set_params(**params)</c>).</summary>
    public abstract KerasEstimator WithParameters(IReadOnlyDictionary<string, object> parameters);

    /// <summary>Targets as the model trains on them.</summary>
    protected virtual Tensor PrepareTargets(Tensor y) => y;

    /// <summary>The fitted model, or a clear error.</summary>
    protected Model Fitted => Model ?? throw new InvalidOperationException($"This {GetType().Name} instance is not fitted yet. Call 'Fit' first.");

    /// <summary>Calls the build function so it declares its hyperparameters (the model is discarded).</summary>
    internal void BuildForSpace(HyperParameters hp) => _build(hp);

    /// <summary>Keras's predictions, silent unless the wrapper's <see cref="Verbose"/> says otherwise (scikeras's verbose 0: no bar per fold).</summary>
    private protected Tensor ModelPredict(Tensor x) => Fitted.Predict(x, verbose: Verbose);

    /// <summary>The build function, for copies.</summary>
    protected Func<HyperParameters, Model> BuildFn => _build;

    /// <summary>The build function with named parameters, for copies (null for a <see cref="HyperParameters"/> build function).</summary>
    private protected BuildFunction? NamedBuildFn => _named;
}
