using NotebookNN.Tensors;

namespace NotebookNN.Learn;

/// <summary>
/// A scikit-learn toy dataset (a <c>Bunch</c>): <see cref="Data"/> (samples, features), <see cref="Target"/>, and
/// the names. Deconstructs like <c>return_X_y=True</c>: <c>var (x, y) = Sklearn.LoadIris();</c>
/// </summary>
public sealed record SklearnDataset(Tensor Data, Tensor Target, IReadOnlyList<string> FeatureNames, IReadOnlyList<string>? TargetNames)
{
    /// <summary>(X, y) as scikit-learn's <c>return_X_y=True</c>.</summary>
    public void Deconstruct(out Tensor x, out Tensor y) { x = Data; y = Target; }
}
