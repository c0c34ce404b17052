using NotebookNN.Tensors;
using NotebookNN.Models;

namespace NotebookNN.Learn;

/// <summary>
/// What <see cref="GridSearchCV"/> and <c>RandomizedSearchCV</c> share (scikit-learn's <c>BaseSearchCV</c>): each
/// candidate setting is cross-validated on clones of the estimator (stratified folds for a classifier), the first with
/// the highest mean test score wins, and it is refitted on all the data. Keras wrappers receive the Fit arguments
/// (<c>epochs</c>, <c>validationData</c>, <c>callbacks</c>) for every fold and the refit, as scikeras passes <c>fit_params</c>.
/// </summary>
public abstract class BaseSearchCV
{
    private readonly int _cv;
    private readonly string? _scoring;
    private readonly int? _nJobs;

    private protected BaseSearchCV(IParameterizedEstimator estimator, int cv, string? scoring, int? nJobs)
    {
        Estimator = estimator ?? throw new ArgumentNullException(nameof(estimator));
        if (cv < 2) throw new ArgumentException($"k-fold cross-validation requires at least one train/test split by setting n_splits=2 or more, got n_splits={cv}.");
        (_cv, _scoring, _nJobs) = (cv, scoring, nJobs);
        CrossValidation.Scorer(scoring);
    }

    /// <summary>The estimator searched over (<c>estimator</c>).</summary>
    public IParameterizedEstimator Estimator { get; }
    /// <summary>Every setting tried with its fold scores and rank (<c>cv_results_</c>).</summary>
    public SearchResults CvResults { get; private set; } = new([]);
    /// <summary>The best setting (<c>best_params_</c>).</summary>
    public SearchParams? BestParams { get; private set; }
    /// <summary>Its mean cross-validated score (<c>best_score_</c>).</summary>
    public double BestScore { get; private set; } = double.NaN;
    /// <summary>Position of the best setting in <see cref="CvResults"/> (<c>best_index_</c>).</summary>
    public int BestIndex { get; private set; } = -1;
    /// <summary>The best setting refitted on all the data (<c>best_estimator_</c>).</summary>
    public IParameterizedEstimator? BestEstimator { get; private set; }
    /// <summary>Number of folds (<c>n_splits_</c>).</summary>
    public int NSplits => _cv;

    /// <summary>The settings to try, in order.</summary>
    private protected abstract IEnumerable<SearchParams> Candidates();

    private protected void FitCore(Tensor x, Tensor y, int? epochs, (Tensor X, Tensor Y)? validationData, IEnumerable<Callback>? callbacks)
    {
        var fit = FitFunction(epochs, validationData, callbacks?.ToArray());
        var tried = new List<(SearchParams, CrossValidateResult)>();
        foreach (var candidate in Candidates())
        {
            var est = Estimator.WithParams(candidate);
            tried.Add((candidate, CrossValidation.Run(est, x, y, CrossValidation.DefaultCv(est, _cv), _scoring, false, fit, _nJobs)));
        }
        if (tried.Count == 0) throw new InvalidOperationException("The search has no parameter settings to try.");
        CvResults = new SearchResults(tried);
        BestIndex = Enumerable.Range(0, CvResults.Count).First(i => CvResults[i].Rank == 1);
        (BestParams, BestScore) = (CvResults[BestIndex].Params, CvResults[BestIndex].Scores.Mean);
        BestEstimator = Estimator.WithParams(BestParams);
        fit(BestEstimator, x, y);
    }

    private Action<IEstimator, Tensor, Tensor> FitFunction(int? epochs, (Tensor X, Tensor Y)? validationData, Callback[]? callbacks)
    {
        if (Estimator is IKerasWrapper) return (e, xs, ys) => ((IKerasWrapper)e).Fit(xs, ys, epochs, validationData, callbacks);
        if (epochs is not null || validationData is not null || callbacks is not null)
            throw new ArgumentException($"epochs, validationData and callbacks are Fit arguments of the Keras wrappers; {Estimator.GetType().Name}.Fit takes none.");
        return (e, xs, ys) => e.Fit(xs, ys);
    }
}
