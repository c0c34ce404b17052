using NotebookNN.Tensors;

namespace NotebookNN.Learn;

/// <summary>A cross-validation splitter (<see cref="KFold"/>, <see cref="StratifiedKFold"/>).</summary>
public interface ICrossValidator
{
    /// <summary>Number of folds.</summary>
    int NSplits { get; }

    /// <summary>The (train, test) row indices of each fold.</summary>
    IEnumerable<(int[] Train, int[] Test)> Split(Tensor x, Tensor? y = null);
}
