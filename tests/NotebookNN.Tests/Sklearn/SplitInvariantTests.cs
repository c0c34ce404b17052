namespace NotebookNN.Tests.Sklearn;

/// <summary>Sizes, disjointness, coverage and stratification of splits and folds, for many sizes and seeds.</summary>
public class SplitInvariantTests
{
    [Theory]
    [InlineData(10, 0.25)] [InlineData(101, 0.2)] [InlineData(7, 0.5)] [InlineData(1000, 0.1)]
    public void TrainTestSplitSizesAndNoOverlap(int n, double testSize)
    {
        for (int seed = 0; seed < 5; seed++)
        {
            var (train, test) = NotebookNN.Sklearn.TrainTestIndices(n, testSize, randomState: seed);
            Assert.Equal((int)Math.Ceiling(testSize * n), test.Length);
            Assert.Equal(n - test.Length, train.Length);
            Assert.Equal(Enumerable.Range(0, n), train.Concat(test).Order());
        }
    }

    [Fact]
    public void StratifiedSplitKeepsClassShares()
    {
        var y = Enumerable.Range(0, 300).Select(i => (double)(i % 10 < 6 ? 0 : i % 10 < 9 ? 1 : 2)).ToArray();   // 60/30/10 %
        for (int seed = 0; seed < 5; seed++)
        {
            var (train, test) = NotebookNN.Sklearn.TrainTestIndices(300, 0.2, randomState: seed, stratify: y);
            Assert.Equal(60, test.Length);
            Assert.Equal([36, 18, 6], Enumerable.Range(0, 3).Select(c => test.Count(i => y[i] == c)));
            Assert.Equal(Enumerable.Range(0, 300), train.Concat(test).Order());
        }
    }

    [Fact]
    public void FoldsPartitionTheRowsAndStratifiedFoldsKeepShares()
    {
        var y = Enumerable.Range(0, 103).Select(i => (double)(i % 4 == 0 ? 1 : 0)).ToArray();
        foreach (var folds in new[] { new KFold(5, true, 3).Split(103).ToList(), new StratifiedKFold(5, true, 3).Split(y).ToList() })
        {
            Assert.Equal(Enumerable.Range(0, 103), folds.SelectMany(f => f.Test).Order());
            foreach (var (train, test) in folds)
            {
                Assert.Empty(train.Intersect(test));
                Assert.Equal(103, train.Length + test.Length);
                Assert.InRange(test.Length, 20, 21);
            }
        }
        foreach (var (_, test) in new StratifiedKFold(5).Split(y))
            Assert.InRange(test.Count(i => y[i] == 1), 5, 6);
    }

    [Fact]
    public void BadArgumentsAreRejectedWithScikitLearnMessages()
    {
        Assert.Contains("test_size=1.5", Assert.Throws<ArgumentException>(() => NotebookNN.Sklearn.TrainTestIndices(10, 1.5)).Message);
        // sklearn's message for a train set left empty prints an unset size as None
        Assert.Contains("With n_samples=1, test_size=0.25 and train_size=None, the resulting train set will be empty",
            Assert.Throws<ArgumentException>(() => NotebookNN.Sklearn.TrainTestIndices(1)).Message);
        Assert.Contains("only 1 member", Assert.Throws<ArgumentException>(() => NotebookNN.Sklearn.TrainTestIndices(4, 0.5, randomState: 0, stratify: [0, 0, 0, 1])).Message);
        Assert.Contains("n_splits=1", Assert.Throws<ArgumentException>(() => new KFold(1)).Message);
        Assert.Contains("n_splits=6", Assert.Throws<ArgumentException>(() => new KFold(6).Split(5).ToList()).Message);
        Assert.Contains("random_state", Assert.Throws<ArgumentException>(() => new StratifiedKFold(3, false, 1)).Message);
        var x = Tensor.Zeros([4, 2]);
        Assert.Contains("[4, 3]", Assert.Throws<ArgumentException>(() => NotebookNN.Sklearn.TrainTestSplit(x, Tensor.Zeros([3]))).Message);
    }
}
