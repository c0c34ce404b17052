using NotebookNN.Tensors;
using NotebookNN.Datasets;

namespace NotebookNN.Learn;

/// <summary>
/// scikit-learn's <c>KFold(n_splits, shuffle, random_state)</c>: consecutive folds (the first n % k one row larger),
/// rows shuffled first with numpy's RandomState when <see cref="BaseKFold.Shuffle"/> is set.
/// </summary>
/// <param name="nSplits">Number of folds, at least 2.</param>
/// <param name="shuffle">Shuffle before cutting the folds.</param>
/// <param name="randomState">Seed of the shuffle (only with <paramref name="shuffle"/>).</param>
public sealed class KFold(int nSplits = 5, bool shuffle = false, int? randomState = null) : BaseKFold(nSplits, shuffle, randomState)
{
    /// <summary>The (train, test) row indices of each fold for <paramref name="nSamples"/> rows.</summary>
    public IEnumerable<(int[] Train, int[] Test)> Split(int nSamples)
    {
        if (NSplits > nSamples)
            throw new ArgumentException($"Cannot have number of splits n_splits={NSplits} greater than the number of samples: n_samples={nSamples}.");
        var indices = Enumerable.Range(0, nSamples).ToArray();
        if (Shuffle) NumpyRandomState.For(RandomState).Shuffle(indices);
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
    public override IEnumerable<(int[] Train, int[] Test)> Split(Tensor x, Tensor? y = null) => Split(x.Shape[0]);
}
