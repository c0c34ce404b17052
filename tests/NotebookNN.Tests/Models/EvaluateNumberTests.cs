using Microsoft.DotNet.Interactive.Formatting;
using NotebookNN.Layers;

namespace NotebookNN.Tests.Models;

/// <summary><c>mse_test = model.evaluate(X_test, y_test)</c> without metrics is one number in Keras: here it converts
/// to double and prints as Python prints that float; with metrics it stays the named list.</summary>
public class EvaluateNumberTests
{
    private static (Model Model, Tensor X, Tensor Y) Regression(params string[] metrics)
    {
        Utils.SetRandomSeed(3);
        var x = Tensor.RandomNormal([40, 3]);
        var y = Tensor.RandomNormal([40]);
        var model = new Sequential([new Dense(4, activation: "relu", inputShape: [3]), new Dense(1)]);
        model.Compile(optimizer: "sgd", loss: "mse", metrics: metrics.Length == 0 ? null : [.. metrics]);
        return (model, x, y);
    }

    [Fact]
    public void WithoutMetricsTheResultIsTheLossAsADouble()
    {
        var (model, x, y) = Regression();
        double mseTest = model.Evaluate(x, y, verbose: 0);
        // the mean squared error worked out in float64 from the predictions
        var p = model.Predict(x, verbose: 0).ToArray();
        var t = y.ToArray();
        double expected = p.Select((v, i) => ((double)v - t[i]) * ((double)v - t[i])).Average();
        Assert.Equal(expected, mseTest, 5);
        var result = model.Evaluate(x, y, verbose: 0);
        Assert.Equal(Math.Sqrt(mseTest), Math.Sqrt(result));
        Assert.Equal(mseTest * 2, result * 2);
    }

    [Fact]
    public void WithoutMetricsItPrintsAsPythonsFloat()
    {
        var (model, x, y) = Regression();
        var result = model.Evaluate(x, y, verbose: 0);
        string repr = ((double)result).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(repr, result.ToString());
        Assert.Equal(repr, result.ToKerasList());
        Assert.Equal(repr, result.ToDisplayString("text/plain"));
        Assert.DoesNotContain("loss", result.ToString());
    }

    [Fact]
    public void WithMetricsItStaysNamedAndRefusesToBeOneNumber()
    {
        var (model, x, y) = Regression("mae");
        var result = model.Evaluate(x, y, verbose: 0);
        Assert.StartsWith("loss: ", result.ToString());
        Assert.StartsWith("[", result.ToKerasList());
        var e = Assert.Throws<InvalidOperationException>(() => { double d = result; });
        Assert.Equal("This result holds 2 values (loss, mae), not one number: with metrics, Keras's evaluate returns a list. "
            + "Take one by name (result[\"loss\"], result.Loss) or deconstruct all of them: var (loss, mae) = model.Evaluate(x, y);", e.Message);
    }
}
