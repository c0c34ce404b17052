using NotebookNN.Tensors;
using NotebookNN.Datasets;

namespace NotebookNN.Learn;

/// <summary>
/// scikit-learn's <c>StratifiedKFold(n_splits, shuffle, random_state)</c>: folds that keep each class's share, built
/// as scikit-learn builds them (classes in order of first appearance, round-robin allocation, per-class blocks).
/// </summary>
/// <param name="nSplits">Number of folds, at least 2.</param>
/// <param name="shuffle">Shuffle before cutting the folds.</param>
/// <param name="randomState">Seed of the shuffle (only with <paramref name="shuffle"/>).</param>
public sealed class StratifiedKFold(int nSplits = 5, bool shuffle = false, int? randomState = null) : BaseKFold(nSplits, shuffle, randomState)
{
    /// <summary>The (train, test) row indices of each fold for labels <paramref name="y"/>.</summary>
    public IEnumerable<(int[] Train, int[] Test)> Split(IReadOnlyList<double> y)
    {
        var folds = TestFolds(y);
        for (int f = 0; f < NSplits; f++)
            yield return (Enumerable.Range(0, y.Count).Where(i => folds[i] != f).ToArray(), Enumerable.Range(0, y.Count).Where(i => folds[i] == f).ToArray());
    }

    /// <inheritdoc/>
    public override IEnumerable<(int[] Train, int[] Test)> Split(Tensor x, Tensor? y = null)
    {
        if (y is null) throw new ArgumentException("StratifiedKFold.Split needs the labels y.");
        var labels = Labels.Vector(y, "y");
        if (labels.Length != x.Shape[0]) throw new ArgumentException($"Found input variables with inconsistent numbers of samples: [{x.Shape[0]}, {labels.Length}].");
        return Split(labels);
    }

    private int[] TestFolds(IReadOnlyList<double> y)
    {
        if (NSplits > y.Count)
            throw new ArgumentException($"Cannot have number of splits n_splits={NSplits} greater than the number of samples: n_samples={y.Count}.");
        var rng = NumpyRandomState.For(RandomState);
        // Classes numbered by order of first appearance.
        var code = new Dictionary<double, int>();
        var encoded = y.Select(v => code.TryGetValue(v, out var c) ? c : code[v] = code.Count).ToArray();
        int nClasses = code.Count;
        var counts = new int[nClasses];
        foreach (var c in encoded) counts[c]++;
        if (counts.All(c => NSplits > c))
            throw new ArgumentException($"n_splits={NSplits} cannot be greater than the number of members in each class.");
        var sorted = encoded.Order().ToArray();
        var allocation = new int[NSplits, nClasses];
        for (int i = 0; i < sorted.Length; i++) allocation[i % NSplits, sorted[i]]++;
        var folds = new int[y.Count];
        for (int k = 0; k < nClasses; k++)
        {
            var forClass = new List<int>();
            for (int f = 0; f < NSplits; f++) forClass.AddRange(Enumerable.Repeat(f, allocation[f, k]));
            var arr = forClass.ToArray();
            if (Shuffle) rng.Shuffle(arr);
            int at = 0;
            for (int i = 0; i < y.Count; i++) if (encoded[i] == k) folds[i] = arr[at++];
        }
        return folds;
    }
}
