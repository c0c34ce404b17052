using System.Text.Json;
using Microsoft.DotNet.Interactive.Formatting;
using NotebookNN.Datasets;

namespace NotebookNN.Tests.Sklearn;

/// <summary>GridSearchCV, RandomizedSearchCV and ParameterSampler against scikit-learn 1.2.1 (Reference/make_sgd_reference.py).</summary>
public class SearchSklearnTests
{
    private static void SameParams(JsonElement expected, IReadOnlyDictionary<string, object?> actual)
    {
        Assert.Equal(expected.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal), actual.Keys);
        foreach (var p in expected.EnumerateObject())
        {
            var want = SgdReference.Value(p.Value);
            if (want is double d) Assert.Equal(d, Convert.ToDouble(actual[p.Name]), 15);
            else Assert.Equal(want, actual[p.Name]);
        }
    }

    private static void SameResults(JsonElement r, BaseSearchCV search)
    {
        var expectedParams = r.GetProperty("params").EnumerateArray().ToArray();
        Assert.Equal(expectedParams.Length, search.CvResults.Count);
        for (int i = 0; i < expectedParams.Length; i++) SameParams(expectedParams[i], search.CvResults.Params[i]);
        var splits = r.GetProperty("split_test_scores").EnumerateArray().Select(SgdReference.Doubles).ToArray();
        for (int s = 0; s < splits.Length; s++) Assert.Equal(splits[s], search.CvResults[$"split{s}_test_score"]);
        var mean = SgdReference.Doubles(r.GetProperty("mean_test_score"));
        var std = SgdReference.Doubles(r.GetProperty("std_test_score"));
        for (int i = 0; i < mean.Length; i++)
        {
            Assert.Equal(mean[i], search.CvResults["mean_test_score"][i], 15);
            Assert.Equal(std[i], search.CvResults["std_test_score"][i], 14);
        }
        Assert.Equal(SgdReference.Doubles(r.GetProperty("rank_test_score")), search.CvResults["rank_test_score"]);
        Assert.Equal(r.GetProperty("best_index").GetInt32(), search.BestIndex);
        Assert.Equal(r.GetProperty("best_score").GetDouble(), search.BestScore, 15);
        SameParams(r.GetProperty("best_params"), search.BestParams!);
    }

    [SkippableFact]
    public void GridSearchOverSgdMatchesScikitLearn()
    {
        var r = SgdReference.Get("grid_search");
        var (x, y) = SgdReference.Data(r.GetProperty("data").GetString()!);
        var grid = new GridSearchCV(new SGDClassifier(randomState: 0), new() { ["alpha"] = new[] { 1e-4, 1e-3, 1e-2 }, ["loss"] = new[] { "hinge", "log_loss" } }, cv: 3);
        grid.Fit(x, y);
        SameResults(r, grid);
        var best = Assert.IsType<SGDClassifier>(grid.BestEstimator);
        Assert.Equal(0.01, best.GetParams()["alpha"]);
        Assert.NotNull(best.Coef);
    }

    [SkippableFact]
    public void RandomizedSearchWithALogUniformMatchesScikitLearn()
    {
        var r = SgdReference.Get("randomized_search");
        var (x, y) = SgdReference.Data(r.GetProperty("data").GetString()!);
        var search = new RandomizedSearchCV(new SGDClassifier(maxIter: 20, randomState: 42),
            new() { ["alpha"] = new LogUniform(1e-5, 1e-1), ["loss"] = new[] { "hinge", "log_loss", "modified_huber" } }, nIter: 5, cv: 3, randomState: 42);
        using (SklearnWarnings.Capture([])) search.Fit(x, y);
        SameResults(r, search);
    }

    [Fact]
    public void ParameterSamplerDrawsScikitLearnsSettingsForTheTutorialsDistributions()
    {
        var distributions = new Dictionary<string, object>
        {
            ["n_hidden"] = new[] { 0, 1, 2, 3 }, ["n_neurons"] = Enumerable.Range(1, 99), ["learning_rate"] = new Reciprocal(3e-4, 3e-2),
        };
        var drawn = ParameterSampler.Sample(distributions, 10, new NumpyRandomState(42)).ToArray();
        var expected = SgdReference.Get("sampler_tutorial").EnumerateArray().ToArray();
        Assert.Equal(expected.Length, drawn.Length);
        for (int i = 0; i < drawn.Length; i++)
        {
            SameParams(expected[i], drawn[i]);
            Assert.IsType<int>(drawn[i]["n_neurons"]);
        }
    }

    [Theory]
    [InlineData(2)]    // tracking selection
    [InlineData(10)]   // a permutation's head
    [InlineData(24)]   // reservoir sampling
    public void ListsAloneAreSampledFromTheGridWithoutReplacementAsScikitLearnDoes(int nIter)
    {
        var lists = new Dictionary<string, object> { ["a"] = new[] { 1, 2, 3 }, ["b"] = new[] { "x", "y" }, ["c"] = new[] { 0.5, 1.5, 2.5, 3.5 } };
        var drawn = ParameterSampler.Sample(lists, nIter, new NumpyRandomState(3)).ToArray();
        var expected = SgdReference.Get("sampler_lists").GetProperty(nIter.ToString(System.Globalization.CultureInfo.InvariantCulture)).EnumerateArray().ToArray();
        Assert.Equal(expected.Length, drawn.Length);
        for (int i = 0; i < drawn.Length; i++) SameParams(expected[i], drawn[i]);
    }

    [Fact]
    public void BestParamsShowAsATableOfValues()
    {
        var p = new SearchParams([new("n_neurons", 49), new("learning_rate", 0.0059), new("n_hidden", 2), new("loss", "hinge"), new("alpha", 1e-5)]);
        Assert.Equal("{'alpha': 1e-05, 'learning_rate': 0.0059, 'loss': 'hinge', 'n_hidden': 2, 'n_neurons': 49}", p.ToString());
        Assert.Equal(p.ToString(), p.ToDisplayString("text/plain"));
        var html = p.ToDisplayString("text/html");
        Assert.Contains("<th>parameter</th><th>value</th>", html);
        Assert.Contains("<th class=\"l\">n_hidden</th><td>2</td>", html);
        Assert.Contains("<th class=\"l\">learning_rate</th><td>0.0059</td>", html);
        Assert.DoesNotContain("type", html);
        Assert.Equal(2, p["n_hidden"]);
        Assert.Equal("KeyError: 'n_layers'. The parameters are 'alpha', 'learning_rate', 'loss', 'n_hidden', 'n_neurons'.",
            Assert.Throws<KeyNotFoundException>(() => p["n_layers"]).Message);
    }

    [Fact]
    public void UnknownKeysAndBadValuesAreClearErrors()
    {
        var e = Assert.Throws<ArgumentException>(() => ParameterSampler.Sample(new Dictionary<string, object> { ["alpha"] = 0.1 }, 3, new NumpyRandomState(0)).ToArray());
        Assert.StartsWith("Parameter grid for parameter 'alpha' is not iterable or a distribution (value=0.1).", e.Message);
        Assert.Contains("new Reciprocal(3e-4, 3e-2)", e.Message);
        Assert.Contains("0 < a < b", Assert.Throws<ArgumentException>(() => new Reciprocal(3e-2, 3e-4)).Message);
        var g = Assert.Throws<ArgumentException>(() => new GridSearchCV(new SGDClassifier(), new() { ["alpha"] = 0.1 }));
        Assert.Contains("Single values need to be wrapped in a list with one element.", g.Message);
    }
}
