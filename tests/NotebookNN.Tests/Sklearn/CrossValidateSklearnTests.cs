using Microsoft.DotNet.Interactive.Formatting;

namespace NotebookNN.Tests.Sklearn;

/// <summary>The Fashion-MNIST tutorial's cross-validated logistic baseline, as a newcomer writes it, against scikit-learn's figures.</summary>
public class CrossValidateSklearnTests
{
    [SkippableFact]
    public void TutorialBaselineInTheLiteralFormMatchesScikitLearnsCrossValidate()
    {
        var (trainScaled, trainTarget) = SgdReference.Data("digits");
        var reference = SgdReference.Get("cross_validate");

        var sgd = new SGDClassifier(loss: "log_loss", maxIter: 20, randomState: 42);
        var warnings = new List<string>();
        CrossValidateResult scores;
        using (SklearnWarnings.Capture(warnings)) scores = NotebookNN.Sklearn.CrossValidate(sgd, trainScaled, trainTarget, nJobs: -1);
        double mean = scores["test_score"].Average();   // np.mean(scores["test_score"])

        Assert.Equal(SgdReference.Doubles(reference.GetProperty("test_score")), scores["test_score"]);
        Assert.Equal(reference.GetProperty("mean").GetDouble(), mean, 15);
        Assert.Equal(5, warnings.Count(w => w.StartsWith("ConvergenceWarning: Maximum number of iteration", StringComparison.Ordinal)));
        Assert.Equal(["fit_time", "score_time", "test_score"], scores.Keys);
        Assert.All(scores["fit_time"], t => Assert.True(t > 0));
        // Parallel folds change nothing but the timing.
        using (SklearnWarnings.Capture([]))
            Assert.Equal(scores["test_score"], NotebookNN.Sklearn.CrossValidate(sgd, trainScaled, trainTarget, nJobs: 1)["test_score"]);
    }

    [Fact]
    public void ResultReadsAndShowsAsScikitLearnsDict()
    {
        var r = new CrossValidateResult([0.5, 0.75], null, [1.5, 2.5], [0.125, 0.25]);
        var e = Assert.Throws<KeyNotFoundException>(() => r["train_score"]);
        Assert.Equal("KeyError: 'train_score'. The keys are 'fit_time', 'score_time', 'test_score' (pass returnTrainScore: true for 'train_score').", e.Message);
        Assert.Equal("{'fit_time': array([1.5, 2.5]), 'score_time': array([0.125, 0.25]), 'test_score': array([0.5, 0.75])}", r.ToString());
        Assert.Equal(r.ToString(), r.ToDisplayString("text/plain"));
        var html = r.ToDisplayString("text/html");
        Assert.Contains("<table", html);
        Assert.Contains("<th>test_score</th>", html);
        Assert.Contains("<th class=\"l\">mean</th><td>2</td><td>0.1875</td><td>0.625</td>", html);
        Assert.Equal(3, r.Count);
        Assert.Equal([0.5, 0.75], r.Values.Last());
    }

    [Fact]
    public void NJobsZeroIsAClearError()
    {
        var x = Tensor.From(Enumerable.Range(0, 20).Select(i => (float)(i % 5)).ToArray(), [10, 2]);
        var y = Tensor.From(Enumerable.Range(0, 10).Select(i => (float)(i % 2)).ToArray());
        var e = Assert.Throws<ArgumentException>(() => NotebookNN.Sklearn.CrossValidate(new SGDClassifier(), x, y, cv: 2, nJobs: 0));
        Assert.StartsWith("n_jobs == 0 has no meaning", e.Message);
    }
}
