namespace NotebookNN;

/// <summary>
/// scikit-learn's <c>KFold(n_splits, shuffle, random_state)</c>: consecutive folds (the first n % k one row larger),
/// rows shuffled first with numpy's RandomState when <see cref="Shuffle"/> is set.
/// </summary>
public sealed class KFold : ICrossValidator
{
    /// <summary>Creates the splitter; <paramref name="nSplits"/> must be at least 2.</summary>
    public KFold(int nSplits = 5, bool shuffle = false, int? randomState = null)
    {
        if (nSplits < 2) throw new ArgumentException($"k-fold cross-validation requires at least one train/test split by setting n_splits=2 or more, got n_splits={nSplits}.");
        if (!shuffle && randomState is not null)
            throw new ArgumentException("Setting a random_state has no effect since shuffle is False. You should leave random_state to its default (None), or set shuffle=True.");
        NSplits = nSplits; Shuffle = shuffle; RandomState = randomState;
    }

    /// <summary>Number of folds.</summary>
    public int NSplits { get; }
    /// <summary>Whether rows are shuffled before folding.</summary>
    public bool Shuffle { get; }
    /// <summary>Seed of the shuffle.</summary>
    public int? RandomState { get; }

    /// <summary>The (train, test) row indices of each fold for <paramref name="nSamples"/> rows.</summary>
    public IEnumerable<(int[] Train, int[] Test)> Split(int nSamples)
    {
        if (NSplits > nSamples)
            throw new ArgumentException($"Cannot have number of splits n_splits={NSplits} greater than the number of samples: n_samples={nSamples}.");
        var indices = Enumerable.Range(0, nSamples).ToArray();
        if (Shuffle) Sklearn.RandomStateFor(RandomState).Shuffle(indices);
        int start = 0;
        for (int f = 0; f < NSplits; f++)
        {
            int size = nSamples / NSplits + (f < nSamples % NSplits ? 1 : 0);
            // As scikit-learn: the fold is a mask over the rows, so both sides come out in row order.
            var test = indices[start..(start + size)].Order().ToArray();
            var train = indices[..start].Concat(indices[(start + size)..]).Order().ToArray();
            start += size;
            yield return (train, test);
        }
    }

    /// <inheritdoc/>
    public IEnumerable<(int[] Train, int[] Test)> Split(Tensor x, Tensor? y = null) => Split(x.Shape[0]);
}
