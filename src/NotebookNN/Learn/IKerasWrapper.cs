using NotebookNN.Tensors;
using NotebookNN.Models;

namespace NotebookNN.Learn;

/// <summary>
/// An estimator that trains a Keras model (scikeras's wrappers): a search passes it Keras's Fit arguments for every
/// fold and the refit, as scikeras passes <c>fit_params</c>, and cross-validation trains its folds one after the other
/// (each Fit already uses every core).
/// </summary>
public interface IKerasWrapper : IParameterizedEstimator
{
    /// <summary>Builds a fresh model and trains it; null arguments keep the wrapper's defaults.</summary>
    IEstimator Fit(Tensor x, Tensor y, int? epochs, (Tensor X, Tensor Y)? validationData, IEnumerable<Callback>? callbacks);
}
