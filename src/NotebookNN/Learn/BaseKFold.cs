using NotebookNN.Tensors;

namespace NotebookNN.Learn;

/// <summary>
/// What scikit-learn's k-fold splitters share (its <c>_BaseKFold</c>): the number of folds, the shuffle switch and its
/// seed, validated with scikit-learn's messages. <see cref="KFold"/> and <see cref="StratifiedKFold"/> write only how
/// the folds are cut.
/// </summary>
public abstract class BaseKFold : ICrossValidator
{
    /// <summary>Checks and stores the settings; <paramref name="nSplits"/> must be at least 2.</summary>
    protected BaseKFold(int nSplits, bool shuffle, int? randomState)
    {
        if (nSplits < 2) throw new ArgumentException($"k-fold cross-validation requires at least one train/test split by setting n_splits=2 or more, got n_splits={nSplits}.");
        if (!shuffle && randomState is not null)
            throw new ArgumentException("Setting a random_state has no effect since shuffle is False. You should leave random_state to its default (None), or set shuffle=True.");
        NSplits = nSplits; Shuffle = shuffle; RandomState = randomState;
    }

    /// <summary>Number of folds.</summary>
    public int NSplits { get; }
    /// <summary>Whether rows (or each class's fold assignment) are shuffled first.</summary>
    public bool Shuffle { get; }
    /// <summary>Seed of the shuffle.</summary>
    public int? RandomState { get; }

    /// <inheritdoc/>
    public abstract IEnumerable<(int[] Train, int[] Test)> Split(Tensor x, Tensor? y = null);
}
