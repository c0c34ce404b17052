using NotebookNN;
using static NotebookNN.Tests.Ops.OpsTestHelpers;

namespace NotebookNN.Tests.Ops;

/// <summary>The tensor lines of design/API.md that use this area, checked against float64.</summary>
public class ApiExampleTests
{
    [Fact]
    public void StandardizeWithBroadcasting()
    {
        int rows = 7, cols = 3;
        var v = Uniform(rows * cols, -5, 9, 42);
        var data = T(v, rows, cols);
        var mean = data.Mean(axis: 0);
        var std = data.Std(axis: 0);
        var z = (data - mean) / std;
        Assert.Equal(new Shape(rows, cols), z.Shape);
        var expected = new double[v.Length];
        for (int c = 0; c < cols; c++)
        {
            var col = Enumerable.Range(0, rows).Select(r => (double)v[r * cols + c]).ToArray();
            double m = col.Average(), s = Math.Sqrt(col.Sum(x => (x - m) * (x - m)) / rows);
            for (int r = 0; r < rows; r++) expected[r * cols + c] = (v[r * cols + c] - m) / s;
        }
        AssertClose(z.ToArray(), expected, 1e-5, "standardized");
    }

    [Fact]
    public void ArgMaxAndThresholdPredictions()
    {
        var pred = T([0.1f, 0.7f, 0.2f, 0.6f, 0.3f, 0.1f], 2, 3);
        var cls = pred.ArgMax(axis: 1);
        Assert.Equal(new Shape(2), cls.Shape);
        Assert.Equal(new[] { 1f, 0f }, cls.ToArray());
        Assert.Equal(new[] { 0f, 1f, 0f, 1f, 0f, 0f }, Tensor.Where(pred >= 0.5f, 1f, 0f).ToArray());
    }
}
