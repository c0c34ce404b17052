using NotebookNN.Tensors;
using NotebookNN.Models;

namespace NotebookNN.Learn;

/// <summary>
/// scikit-learn's <c>GridSearchCV</c>: every combination of the listed values (keys in sorted order, the last varying
/// fastest), each cross-validated; see <see cref="BaseSearchCV"/>. For a Keras wrapper built from a function with named
/// parameters, the keys are those parameters (<c>["n_hidden"] = new[] { 0, 1, 2 }</c>).
/// </summary>
public sealed class GridSearchCV(IParameterizedEstimator estimator, Dictionary<string, object> paramGrid, int cv = 5, string? scoring = null,
    int? nJobs = null) : BaseSearchCV(estimator, cv, scoring, nJobs)
{
    private readonly ParameterGrid _grid = new(paramGrid ?? throw new ArgumentNullException(nameof(paramGrid)));

    private protected override IEnumerable<SearchParams> Candidates() => Enumerable.Range(0, _grid.Count).Select(i => _grid[i]);

    /// <summary>Runs the search, then refits the best setting on all the data; the Fit arguments go to a Keras wrapper's every Fit.</summary>
    public GridSearchCV Fit(Tensor x, Tensor y, int? epochs = null, (Tensor X, Tensor Y)? validationData = null, IEnumerable<Callback>? callbacks = null)
    {
        FitCore(x, y, epochs, validationData, callbacks);
        return this;
    }
}
