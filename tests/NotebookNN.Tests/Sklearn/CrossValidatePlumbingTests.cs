namespace NotebookNN.Tests.Sklearn;

/// <summary>CrossValidate hands each clone exactly its fold's rows (checked with an estimator that records them).</summary>
public class CrossValidatePlumbingTests
{
    private sealed class Recorder(List<float[]> fitted) : IEstimator
    {
        public IEstimator Fit(Tensor x, Tensor y) { fitted.Add(x.ToArray()); return this; }
        public Tensor Predict(Tensor x) => x.Reshape(x.Shape[0]);
        public double Score(Tensor x, Tensor y) => x.ToArray().Sum();
        public IEstimator Clone() => new Recorder(fitted);
    }

    [Fact]
    public void EachFoldTrainsOnItsRowsAndScoresTheHeldOutOnes()
    {
        var x = Tensor.From(Enumerable.Range(0, 11).Select(i => (float)i).ToArray(), [11, 1]);
        var y = Tensor.From(Enumerable.Range(0, 11).Select(i => (float)(i % 2)).ToArray());
        var fitted = new List<float[]>();
        var cv = new KFold(3, shuffle: true, randomState: 5);
        var result = NotebookNN.Sklearn.CrossValidate(new Recorder(fitted), x, y, cv, returnTrainScore: true);
        var folds = cv.Split(11).ToList();
        Assert.Equal(folds.Select(f => f.Train.Select(i => (float)i).ToArray()), fitted);
        Assert.Equal(folds.Select(f => (double)f.Test.Sum()), result.TestScore);
        Assert.Equal(folds.Select(f => (double)f.Train.Sum()), result.TrainScore!);
        // "neg_mean_squared_error" scores the predictions (here x itself) against y.
        var mse = NotebookNN.Sklearn.CrossValidate(new Recorder([]), x, y, cv, scoring: "neg_mean_squared_error");
        var expected = folds.Select(f => -f.Test.Select(i => (double)(i - i % 2) * (i - i % 2)).Average()).ToArray();
        for (int f = 0; f < 3; f++) Assert.Equal(expected[f], mse.TestScore[f], 5e-10);
    }
}
