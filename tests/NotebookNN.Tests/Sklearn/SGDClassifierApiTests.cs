namespace NotebookNN.Tests.Sklearn;

/// <summary>SGDClassifier's parameters, errors and probabilities.</summary>
public class SGDClassifierApiTests
{
    private static (Tensor X, Tensor Y) Blobs()
    {
        var x = new float[60 * 2];
        var y = new float[60];
        for (int i = 0; i < 60; i++) { int c = i % 3; y[i] = c * 10; x[2 * i] = c + 0.05f * (i % 7); x[2 * i + 1] = -c + 0.03f * (i % 5); }
        return (Tensor.From(x, [60, 2]), Tensor.From(y));
    }

    [Fact]
    public void ProbabilitiesAreTheNormalizedLogisticsOfTheScores()
    {
        var (x, y) = Blobs();
        var clf = new SGDClassifier(loss: "log_loss", randomState: 0).Fit(x, y);
        Assert.Equal([0.0, 10.0, 20.0], clf.Classes!);
        var scores = clf.DecisionFunction(x).ToArray();
        var proba = clf.PredictProba(x).ToArray();
        for (int i = 0; i < 60; i++)
        {
            var s = Enumerable.Range(0, 3).Select(c => 1 / (1 + Math.Exp(-scores[3 * i + c]))).ToArray();
            for (int c = 0; c < 3; c++) Assert.Equal(s[c] / s.Sum(), proba[3 * i + c], 5);
        }
        Assert.Equal(clf.Predict(x).ToArray(), Enumerable.Range(0, 60).Select(i => (float)(10 * Enumerable.Range(0, 3).MaxBy(c => scores[3 * i + c]))));
    }

    [Fact]
    public void BadParametersAndInputsAreScikitLearnsErrors()
    {
        Assert.Equal("The 'loss' parameter of SGDClassifier must be a str among {'hinge', 'log_loss', 'modified_huber', 'squared_hinge', 'perceptron'}. Got 'logg' instead.",
            Assert.Throws<ArgumentException>(() => new SGDClassifier(loss: "logg")).Message);
        Assert.Contains("renamed 'log_loss'", Assert.Throws<ArgumentException>(() => new SGDClassifier(loss: "log")).Message);
        Assert.Contains("eta0 must be > 0", Assert.Throws<ArgumentException>(() => new SGDClassifier(learningRate: "constant")).Message);
        var (x, y) = Blobs();
        Assert.Contains("not fitted yet", Assert.Throws<InvalidOperationException>(() => new SGDClassifier().Predict(x)).Message);
        Assert.Contains("x.Reshape(-1, 4)", Assert.Throws<ArgumentException>(() => new SGDClassifier().Fit(Tensor.Zeros([3, 2, 2]), Tensor.Zeros([3]))).Message);
        Assert.Contains("probability estimates are not available for loss='hinge'", Assert.Throws<InvalidOperationException>(() => new SGDClassifier().Fit(x, y).PredictProba(x)).Message);
        var e = Assert.Throws<ArgumentException>(() => new SGDClassifier().WithParams(new Dictionary<string, object?> { ["max_iterations"] = 5 }));
        Assert.StartsWith("Invalid parameter 'max_iterations' for estimator SGDClassifier(). Valid parameters are: ['alpha', 'eta0',", e.Message);
    }

    [Fact]
    public void ReprShowsTheParametersThatDifferFromTheDefaults()
    {
        Assert.Equal("SGDClassifier(loss='log_loss', max_iter=20, random_state=42)", new SGDClassifier(loss: "log_loss", maxIter: 20, randomState: 42).ToString());
        var p = new SGDClassifier().WithParams(new Dictionary<string, object?> { ["alpha"] = 1, ["max_iter"] = 7 }).GetParams();
        Assert.Equal(1.0, p["alpha"]);
        Assert.Equal(7, p["max_iter"]);
    }
}
