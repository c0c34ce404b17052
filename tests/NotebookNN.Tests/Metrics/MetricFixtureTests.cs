using System.Text.Json;
using NotebookNN.Metrics;
using NotebookNN.Tests.Support;

namespace NotebookNN.Tests.Metrics;

/// <summary>Metrics accumulated over two weighted batches against Fixtures/training_fixture.json (numpy).</summary>
public class MetricFixtureTests
{
    private static readonly JsonElement M = Fixture.Load("training_fixture.json").GetProperty("metrics");

    private static double Run(Metric metric, string trueKey, string predKey, int width, bool sparse = false)
    {
        metric.ResetState();
        for (int b = 0; b < 2; b++)
        {
            var t = Fixture.Tensor(M.GetProperty(trueKey)[b], 8, width);
            if (sparse) t = t.ArgMax(axis: -1);
            var p = Fixture.Tensor(M.GetProperty(predKey)[b], 8, width);
            metric.UpdateState(t, p, Fixture.Tensor(M.GetProperty("weights")[b], 8));
        }
        return metric.Result();
    }

    [Theory]
    [InlineData("binary_accuracy")]
    [InlineData("precision")]
    [InlineData("recall")]
    [InlineData("auc")]
    public void BinaryMetrics(string name)
    {
        Metric m = name switch { "binary_accuracy" => new BinaryAccuracy(), "precision" => new Precision(), "recall" => new Recall(), _ => new AUC() };
        Assert.Equal(M.GetProperty(name).GetDouble(), Run(m, "binary_true", "binary_pred", 1), 5e-7);
    }

    [Theory]
    [InlineData("categorical_accuracy")]
    [InlineData("sparse_categorical_accuracy")]
    [InlineData("mae")]
    [InlineData("mse")]
    public void CategoricalMetrics(string name)
    {
        Metric m = name switch
        {
            "categorical_accuracy" => new CategoricalAccuracy(), "sparse_categorical_accuracy" => new SparseCategoricalAccuracy(),
            "mae" => new MeanAbsoluteError(), _ => new MeanSquaredError(),
        };
        Assert.Equal(M.GetProperty(name).GetDouble(), Run(m, "cat_true", "cat_pred", 4, sparse: name.StartsWith("sparse")), 5e-7);
    }

    [Fact]
    public void ResetStateStartsOver()
    {
        var m = new Precision();
        Run(m, "binary_true", "binary_pred", 1);
        m.ResetState();
        m.UpdateState(Tensor.From(new float[] { 1, 0 }), Tensor.From(new float[] { 0.9f, 0.8f }));
        Assert.Equal(0.5, m.Result(), 10);
    }
}
