namespace NotebookNN.Learn;

/// <summary>
/// An estimator with scikit-learn's <c>get_params</c> / <c>set_params</c>, which the searches
/// (<see cref="GridSearchCV"/>, <c>RandomizedSearchCV</c>) need to try parameter settings.
/// </summary>
public interface IParameterizedEstimator : IEstimator
{
    /// <summary>The parameters by scikit-learn's names (<c>get_params</c>).</summary>
    IReadOnlyDictionary<string, object?> GetParams();

    /// <summary>An unfitted copy with these parameters changed (<c>clone(est).set_params(**params)</c>); an unknown name is an error listing the valid ones.</summary>
    IParameterizedEstimator WithParams(IReadOnlyDictionary<string, object?> parameters);
}
