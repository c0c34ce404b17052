using NotebookNN.Callbacks;

namespace NotebookNN;

/// <summary>
/// scikit-learn's <c>RandomizedSearchCV</c> over a <see cref="KerasRegressor"/> / <see cref="KerasClassifier"/>: the
/// parameter distributions are the ones the build function declares (<c>hp.Int("n_hidden", 0, 3)</c>,
/// <c>hp.Int("n_neurons", 1, 100)</c>, <c>hp.Float("learning_rate", 3e-4, 3e-2, sampling: "log")</c> — the tutorial's
/// <c>reciprocal</c>); each of <see cref="NIter"/> draws is cross-validated and the best is refitted on all the data.
/// </summary>
public sealed class RandomizedSearchCV(KerasEstimator estimator, int nIter = 10, int cv = 5, string? scoring = null, int? randomState = null)
{
    private readonly Random _rng = new(randomState ?? Random.Shared.Next());

    /// <summary>Number of parameter settings tried.</summary>
    public int NIter { get; } = nIter > 0 ? nIter : throw new ArgumentException($"`n_iter` must be positive. Received: n_iter={nIter}");

    /// <summary>Each setting tried with its fold scores (<c>cv_results_</c>).</summary>
    public List<(IReadOnlyDictionary<string, object> Params, CrossValidateResult Scores)> CvResults { get; } = [];

    /// <summary>The best setting (<c>best_params_</c>).</summary>
    public IReadOnlyDictionary<string, object>? BestParams { get; private set; }
    /// <summary>Its mean cross-validated score (<c>best_score_</c>).</summary>
    public double BestScore { get; private set; } = double.NegativeInfinity;
    /// <summary>The best setting refitted on all the data (<c>best_estimator_</c>).</summary>
    public KerasEstimator? BestEstimator { get; private set; }

    /// <summary>Runs the search; the Fit arguments are used for every fold and the final refit.</summary>
    public RandomizedSearchCV Fit(Tensor x, Tensor y, int? epochs = null, (Tensor X, Tensor Y)? validationData = null, IEnumerable<Callback>? callbacks = null)
    {
        var cbs = callbacks?.ToArray();
        var seen = new HashSet<string>();
        for (int i = 0; i < NIter; i++)
        {
            HyperParameters? hp = null;
            for (int attempt = 0; attempt < 100 && hp is null; attempt++)
            {
                var candidate = new HyperParameters { Sampler = p => p.Sample(_rng) };
                DeclaredSpace(candidate);
                if (seen.Add(candidate.Key)) hp = candidate;
            }
            if (hp is null) break;
            var parameters = new Dictionary<string, object>(estimator.Parameters);
            foreach (var (k, v) in hp.Values) parameters[k] = v;
            var est = estimator.WithParameters(parameters);
            var scores = Sklearn.CrossValidateCore(est, x, y, est is KerasClassifier ? new StratifiedKFold(cv) : new KFold(cv), scoring, false,
                (e, xs, ys) => ((KerasEstimator)e).Fit(xs, ys, epochs, validationData, cbs));
            CvResults.Add((parameters, scores));
            if (scores.Mean > BestScore) { BestScore = scores.Mean; BestParams = parameters; }
        }
        BestEstimator = estimator.WithParameters(BestParams!);
        BestEstimator.Fit(x, y, epochs, validationData, cbs);
        return this;
    }

    /// <summary>Runs the build function once so it declares (and samples) its dimensions.</summary>
    private void DeclaredSpace(HyperParameters hp)
    {
        foreach (var (k, v) in estimator.Parameters) hp.Set(k, v);
        estimator.BuildForSpace(hp);
    }
}
