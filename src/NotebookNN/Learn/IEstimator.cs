using NotebookNN.Tensors;

namespace NotebookNN.Learn;

/// <summary>The scikit-learn estimator protocol used by <see cref="Sklearn.CrossValidate(IEstimator, Tensor, Tensor, ICrossValidator?, string?, bool, int?)"/> and <c>RandomizedSearchCV</c>.</summary>
public interface IEstimator
{
    /// <summary>Trains on (x, y).</summary>
    IEstimator Fit(Tensor x, Tensor y);

    /// <summary>Predictions for x.</summary>
    Tensor Predict(Tensor x);

    /// <summary>The estimator's default score (higher is better).</summary>
    double Score(Tensor x, Tensor y);

    /// <summary>An unfitted copy with the same parameters (scikit-learn's <c>clone</c>).</summary>
    IEstimator Clone();
}
