using NotebookNN.Datasets;
using NotebookNN.Tensors;
using NotebookNN.Learn;

namespace NotebookNN;

public static partial class Sklearn
{
    /// <summary>
    /// scikit-learn's <c>train_test_split(x, y, test_size, train_size, random_state, shuffle, stratify)</c>:
    /// <c>var (xTrain, xTest, yTrain, yTest) = Sklearn.TrainTestSplit(x, y, testSize: 0.2, randomState: 42);</c>
    /// With the same <paramref name="randomState"/> the same rows go to the same side as in scikit-learn (numpy's
    /// legacy RandomState is reproduced). <paramref name="testSize"/> / <paramref name="trainSize"/> below 1 are
    /// fractions, otherwise row counts; the default test size is 0.25.
    /// </summary>
    public static (Tensor XTrain, Tensor XTest, Tensor YTrain, Tensor YTest) TrainTestSplit(Tensor x, Tensor y, double? testSize = null,
        double? trainSize = null, int? randomState = null, bool shuffle = true, Tensor? stratify = null)
    {
        if (x.NDim == 0 || y.NDim == 0 || x.Shape[0] != y.Shape[0])
            throw new ArgumentException($"Found input variables with inconsistent numbers of samples: [{(x.NDim > 0 ? x.Shape[0] : 0)}, {(y.NDim > 0 ? y.Shape[0] : 0)}].");
        var (train, test) = TrainTestIndices(x.Shape[0], testSize, trainSize, randomState, shuffle, stratify is null ? null : Labels.Vector(stratify, "stratify"));
        return (RowSelection.Rows(x, train), RowSelection.Rows(x, test), RowSelection.Rows(y, train), RowSelection.Rows(y, test));
    }

    /// <summary><c>train_test_split(x, ...)</c> for a single array: (xTrain, xTest).</summary>
    public static (Tensor XTrain, Tensor XTest) TrainTestSplit(Tensor x, double? testSize = null, double? trainSize = null, int? randomState = null,
        bool shuffle = true, Tensor? stratify = null)
    {
        if (x.NDim == 0) throw new ArgumentException($"Expected an array with a samples axis; received shape {x.Shape}.");
        var (train, test) = TrainTestIndices(x.Shape[0], testSize, trainSize, randomState, shuffle, stratify is null ? null : Labels.Vector(stratify, "stratify"));
        return (RowSelection.Rows(x, train), RowSelection.Rows(x, test));
    }

    /// <summary><c>train_test_split</c> of word-id sequences (IMDB, Reuters) and their labels.</summary>
    public static (int[][] XTrain, int[][] XTest, Tensor YTrain, Tensor YTest) TrainTestSplit(IReadOnlyList<int[]> x, Tensor y, double? testSize = null,
        double? trainSize = null, int? randomState = null, bool shuffle = true, Tensor? stratify = null)
    {
        if (y.NDim == 0 || x.Count != y.Shape[0])
            throw new ArgumentException($"Found input variables with inconsistent numbers of samples: [{x.Count}, {(y.NDim > 0 ? y.Shape[0] : 0)}].");
        var (train, test) = TrainTestIndices(x.Count, testSize, trainSize, randomState, shuffle, stratify is null ? null : Labels.Vector(stratify, "stratify"));
        return (train.Select(i => x[i]).ToArray(), test.Select(i => x[i]).ToArray(), RowSelection.Rows(y, train), RowSelection.Rows(y, test));
    }

    /// <summary>The row indices <see cref="TrainTestSplit(Tensor, Tensor, double?, double?, int?, bool, Tensor?)"/> puts on each side.</summary>
    public static (int[] Train, int[] Test) TrainTestIndices(int n, double? testSize = null, double? trainSize = null, int? randomState = null,
        bool shuffle = true, IReadOnlyList<double>? stratify = null)
    {
        var (nTrain, nTest) = SplitSizes(n, testSize, trainSize);
        if (!shuffle)
        {
            if (stratify is not null) throw new ArgumentException("Stratified train/test split is not implemented for shuffle=False");
            return (Enumerable.Range(0, nTrain).ToArray(), Enumerable.Range(nTrain, nTest).ToArray());
        }
        var rng = NumpyRandomState.For(randomState);
        if (stratify is null)
        {
            var perm = rng.Permutation(n);
            return (perm[nTest..(nTest + nTrain)], perm[..nTest]);
        }
        if (stratify.Count != n) throw new ArgumentException($"Found input variables with inconsistent numbers of samples: [{n}, {stratify.Count}] (x, stratify).");
        return Stratification.ShuffleSplit(stratify, nTrain, nTest, rng);
    }

    private static (int Train, int Test) SplitSizes(int n, double? testSize, double? trainSize)
    {
        static bool IsFraction(double v) => v < 1 && v != Math.Floor(v) || v is > 0 and < 1;
        if (testSize is null && trainSize is null) testSize = 0.25;
        foreach (var (v, name) in new[] { (testSize, "test_size"), (trainSize, "train_size") })
            if (v is { } s && (s <= 0 || (IsFraction(s) ? s >= 1 : s >= n || s != Math.Floor(s))))
                throw new ArgumentException(Invariant($"{name}={s} should be either positive and smaller than the number of samples {n} or a float in the (0, 1) range"));
        int? nTest = testSize is { } t ? (IsFraction(t) ? (int)Math.Ceiling(t * n) : (int)t) : null;
        int? nTrain = trainSize is { } r ? (IsFraction(r) ? (int)Math.Floor(r * n) : (int)r) : null;
        nTest ??= n - nTrain!.Value;
        nTrain ??= n - nTest.Value;
        if (nTrain + nTest > n)
            throw new ArgumentException($"The sum of train_size and test_size = {nTrain + nTest}, should be smaller than the number of samples {n}. Reduce test_size and/or train_size.");
        if (nTrain == 0)
            throw new ArgumentException(Invariant($"With n_samples={n}, test_size={PyOptional(testSize)} and train_size={PyOptional(trainSize)}, the resulting train set will be empty. Adjust any of the aforementioned parameters."));
        return (nTrain.Value, nTest.Value);
    }

    /// <summary>An optional size as sklearn's message prints it: <c>None</c> when not given.</summary>
    private static string PyOptional(double? v) => v is { } d ? d.ToString(System.Globalization.CultureInfo.InvariantCulture) : "None";

}
