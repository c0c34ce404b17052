using NotebookNN.Datasets;

namespace NotebookNN.Learn;

/// <summary>scikit-learn's stratified sampling (StratifiedShuffleSplit and its <c>_approximate_mode</c>), step for step.</summary>
internal static class Stratification
{
    public static (int[] Train, int[] Test) ShuffleSplit(IReadOnlyList<double> y, int nTrain, int nTest, NumpyRandomState rng)
    {
        var classes = Labels.Unique(y);
        var inverse = y.Select(v => Array.BinarySearch(classes, v)).ToArray();
        var counts = new int[classes.Length];
        foreach (var c in inverse) counts[c]++;
        if (counts.Min() < 2)
            throw new ArgumentException("The least populated class in y has only 1 member, which is too few. The minimum number of groups for any class cannot be less than 2.");
        if (nTrain < classes.Length) throw new ArgumentException($"The train_size = {nTrain} should be greater or equal to the number of classes = {classes.Length}");
        if (nTest < classes.Length) throw new ArgumentException($"The test_size = {nTest} should be greater or equal to the number of classes = {classes.Length}");
        // Stable sort of the class codes, then split per class (np.argsort(kind="mergesort") + np.split).
        var byClass = Enumerable.Range(0, classes.Length).Select(c => Enumerable.Range(0, y.Count).Where(i => inverse[i] == c).ToArray()).ToArray();
        var nI = ApproximateMode(counts, nTrain, rng);
        var tI = ApproximateMode(counts.Select((c, i) => c - nI[i]).ToArray(), nTest, rng);
        var train = new List<int>();
        var test = new List<int>();
        for (int c = 0; c < classes.Length; c++)
        {
            var perm = rng.Permutation(counts[c]);
            var idx = perm.Select(p => byClass[c][p]).ToArray();
            train.AddRange(idx[..nI[c]]);
            test.AddRange(idx[nI[c]..(nI[c] + tI[c])]);
        }
        var trainArr = train.ToArray();
        var testArr = test.ToArray();
        rng.Shuffle(trainArr);
        rng.Shuffle(testArr);
        return (trainArr, testArr);
    }

    /// <summary>Draws <paramref name="nDraws"/> spread over classes in proportion, ties broken with the generator.</summary>
    public static int[] ApproximateMode(int[] classCounts, int nDraws, NumpyRandomState rng)
    {
        double total = classCounts.Sum();
        var continuous = classCounts.Select(c => c / total * nDraws).ToArray();
        var floored = continuous.Select(Math.Floor).ToArray();
        int needToAdd = (int)(nDraws - Labels.Sum(floored));
        if (needToAdd > 0)
        {
            var remainder = continuous.Select((c, i) => c - floored[i]).ToArray();
            foreach (var value in remainder.Distinct().OrderDescending())
            {
                var inds = Enumerable.Range(0, remainder.Length).Where(i => remainder[i] == value).ToArray();
                int addNow = Math.Min(inds.Length, needToAdd);
                var chosen = rng.Permutation(inds.Length)[..addNow];
                foreach (var c in chosen) floored[inds[c]] += 1;
                needToAdd -= addNow;
                if (needToAdd == 0) break;
            }
        }
        return floored.Select(v => (int)v).ToArray();
    }
}
