using NotebookNN.Learn;
using NotebookNN.Tensors;
using NotebookNN.Models;
using NotebookNN.Datasets;

namespace NotebookNN.Tuning;

/// <summary>
/// scikit-learn's <c>RandomizedSearchCV</c>: <see cref="NIter"/> settings drawn from <c>paramDistributions</c> — lists
/// (<c>new[] { 0, 1, 2, 3 }</c>, <c>Enumerable.Range(1, 99)</c>) and distributions (<see cref="Reciprocal"/>,
/// <see cref="Uniform"/>, <see cref="RandInt"/>) — with scikit-learn's <c>ParameterSampler</c> and numpy's
/// <c>RandomState(randomState)</c>, so a seeded search tries scikit-learn's settings; each is cross-validated and the
/// best refitted (see <see cref="BaseSearchCV"/>). Without <c>paramDistributions</c>, a Keras wrapper's build function
/// declares the space itself (<c>hp.Int("n_hidden", 0, 3)</c>, <c>hp.Float("learning_rate", 3e-4, 3e-2, sampling: "log")</c>).
/// </summary>
public sealed class RandomizedSearchCV : BaseSearchCV
{
    private readonly Dictionary<string, object>? _distributions;
    private readonly int? _randomState;

    /// <summary>Draws from <paramref name="paramDistributions"/> (keys: the estimator's parameter names).</summary>
    public RandomizedSearchCV(IParameterizedEstimator estimator, Dictionary<string, object> paramDistributions, int nIter = 10, int cv = 5,
        string? scoring = null, int? randomState = null, int? nJobs = null) : base(estimator, cv, scoring, nJobs)
    {
        _distributions = paramDistributions ?? throw new ArgumentNullException(nameof(paramDistributions));
        (NIter, _randomState) = (CheckNIter(nIter), randomState);
    }

    /// <summary>Draws from the space the build function declares through its <see cref="HyperParameters"/> (distinct settings only).</summary>
    public RandomizedSearchCV(KerasEstimator estimator, int nIter = 10, int cv = 5, string? scoring = null, int? randomState = null)
        : base(estimator, cv, scoring, null) => (NIter, _randomState) = (CheckNIter(nIter), randomState);

    /// <summary>Number of parameter settings tried.</summary>
    public int NIter { get; }

    private static int CheckNIter(int nIter) => nIter > 0 ? nIter : throw new ArgumentException($"`n_iter` must be positive. Received: n_iter={nIter}");

    /// <summary>Runs the search, then refits the best setting on all the data; the Fit arguments go to a Keras wrapper's every Fit.</summary>
    public RandomizedSearchCV Fit(Tensor x, Tensor y, int? epochs = null, (Tensor X, Tensor Y)? validationData = null, IEnumerable<Callback>? callbacks = null)
    {
        FitCore(x, y, epochs, validationData, callbacks);
        return this;
    }

    private protected override IEnumerable<SearchParams> Candidates() => _distributions is null
        ? DeclaredSpaceCandidates((KerasEstimator)Estimator, new Random(_randomState ?? Random.Shared.Next()))
        : ParameterSampler.Sample(_distributions, NIter, NumpyRandomState.For(_randomState));

    /// <summary>Runs the build function with a sampling <see cref="HyperParameters"/> so it declares (and draws) its dimensions.</summary>
    private IEnumerable<SearchParams> DeclaredSpaceCandidates(KerasEstimator estimator, Random rng)
    {
        var seen = new HashSet<string>();
        for (int i = 0; i < NIter; i++)
        {
            HyperParameters? hp = null;
            for (int attempt = 0; attempt < 100 && hp is null; attempt++)
            {
                var candidate = new HyperParameters { Sampler = p => p.Sample(rng) };
                foreach (var (k, v) in estimator.Parameters) candidate.Set(k, v);
                estimator.BuildForSpace(candidate);
                if (seen.Add(candidate.Key)) hp = candidate;
            }
            if (hp is null) yield break;
            yield return new SearchParams(hp.Values.Select(kv => KeyValuePair.Create(kv.Key, (object?)kv.Value)));
        }
    }
}
