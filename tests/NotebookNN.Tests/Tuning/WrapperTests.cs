using NotebookNN.Layers;

namespace NotebookNN.Tests.Tuning;

/// <summary>KerasRegressor / KerasClassifier through CrossValidate and RandomizedSearchCV.</summary>
public class WrapperTests
{
    [Fact]
    public void RegressorCrossValidatesWithNegatedLossAndR2()
    {
        var (x, y) = ToyProblem.Data(60, 0);
        var good = new KerasRegressor(ToyProblem.Build, new Dictionary<string, object> { ["use_bias"] = true, ["learning_rate"] = 0.1 }, epochs: 20, batchSize: 10);
        var scores = NotebookNN.Sklearn.CrossValScore(good, x, y, cv: 3);
        Assert.Equal(3, scores.Length);
        Assert.All(scores, s => Assert.InRange(s, -0.5, 0));
        var r2 = NotebookNN.Sklearn.CrossValidate(good, x, y, cv: 3, scoring: "r2", returnTrainScore: true);
        Assert.All(r2.TestScore, s => Assert.InRange(s, 0.8, 1));
        Assert.Equal(3, r2.TrainScore!.Length);
        var bad = new KerasRegressor(ToyProblem.Build, new Dictionary<string, object> { ["use_bias"] = false, ["learning_rate"] = 0.1 }, epochs: 20, batchSize: 10);
        Assert.All(NotebookNN.Sklearn.CrossValScore(bad, x, y, cv: 3), s => Assert.True(s < -20, $"score {s}"));
    }

    [Fact]
    public void ClassifierPredictsClassesAndScoresAccuracy()
    {
        var xs = Enumerable.Range(0, 80).Select(i => (float)Math.Sin(i * 1.7)).ToArray();
        var x = Tensor.From(xs, [80, 1]);
        var y = Tensor.From(xs.Select(v => v > 0 ? 1f : 0f).ToArray());
        var clf = new KerasClassifier(() => new Sequential([new InputLayer([1]), new Dense(1, activation: "sigmoid")])
            .Compile(optimizer: new NotebookNN.Optimizers.SGD(learningRate: 1.0), loss: "binary_crossentropy"), epochs: 40, batchSize: 8);
        var result = NotebookNN.Sklearn.CrossValidate(clf, x, y, cv: 4);
        Assert.Equal(4, result.TestScore.Length);
        Assert.All(result.TestScore, s => Assert.InRange(s, 0.85, 1));
        clf.Fit(x, y);
        var predicted = clf.Predict(x).ToArray();
        Assert.All(predicted, p => Assert.True(p is 0f or 1f));
        Assert.Equal(NotebookNN.Sklearn.AccuracyScore(y, clf.Predict(x)), clf.Score(x, y));
    }

    [Fact]
    public void RandomizedSearchFindsTheKnownBestAndRefits()
    {
        var (x, y) = ToyProblem.Data(60, 0);
        var search = new RandomizedSearchCV(new KerasRegressor(ToyProblem.Build, epochs: 15, batchSize: 10), nIter: 10, cv: 3, randomState: 42);
        search.Fit(x, y);
        Assert.Equal(4, search.CvResults.Count);
        Assert.Equal(true, search.BestParams!["use_bias"]);
        Assert.Equal(0.1, search.BestParams["learning_rate"]);
        Assert.InRange(search.BestEstimator!.Score(x, y), -0.5, 0);
    }

    [Fact]
    public void UnfittedWrapperAndBadScoringAreClearErrors()
    {
        var reg = new KerasRegressor(ToyProblem.Build);
        Assert.Contains("not fitted", Assert.Throws<InvalidOperationException>(() => reg.Predict(Tensor.Zeros([1, 1]))).Message);
        var (x, y) = ToyProblem.Data(10, 0);
        Assert.Contains("'f1_weird'", Assert.Throws<ArgumentException>(() => NotebookNN.Sklearn.CrossValidate(reg, x, y, cv: 2, scoring: "f1_weird")).Message);
    }
}
