using System.Text.Json;
using NotebookNN.Losses;
using NotebookNN.Tests.Support;

namespace NotebookNN.Tests.Losses;

/// <summary>Every loss, with probabilities and logits, per sample, reduced, and with sample weights, against
/// Fixtures/training_fixture.json (numpy, Fixtures/make_training_fixture.py).</summary>
public class LossFixtureTests
{
    private static readonly JsonElement Losses = Fixture.Load("training_fixture.json").GetProperty("losses");

    public static TheoryData<int> Cases()
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < Losses.GetProperty("cases").GetArrayLength(); i++) data.Add(i);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesNumpy(int index)
    {
        var c = Losses.GetProperty("cases")[index];
        var inputs = Losses.GetProperty("inputs").GetProperty(c.GetProperty("inputs").GetString()!);
        var yTrue = Fixture.Tensor(inputs.GetProperty("true"), Fixture.Ints(inputs.GetProperty("true_shape")));
        var yPred = Fixture.Tensor(inputs.GetProperty("pred"), Fixture.Ints(inputs.GetProperty("pred_shape")));
        string kind = c.GetProperty("loss").GetString()!;
        bool logits = c.GetProperty("from_logits").GetBoolean();
        Loss loss = kind switch
        {
            "binary_crossentropy" => new BinaryCrossentropy(logits),
            "categorical_crossentropy" => new CategoricalCrossentropy(logits),
            "sparse_categorical_crossentropy" => new SparseCategoricalCrossentropy(logits),
            _ => kind,
        };
        string what = $"{kind} ({c.GetProperty("inputs").GetString()})";
        Fixture.Close(Fixture.Doubles(c.GetProperty("per_sample")), loss.Call(yTrue, yPred).ToArray(), 1e-4, what);
        double mean = c.GetProperty("mean").GetDouble(), weighted = c.GetProperty("weighted").GetDouble();
        Assert.True(Math.Abs(loss.Compute(yTrue, yPred).Item() - mean) <= 1e-5 * Math.Max(1, mean), $"{what} mean");
        var w = Fixture.Tensor(Losses.GetProperty("weights"), 5);
        Assert.True(Math.Abs(loss.Compute(yTrue, yPred, w).Item() - weighted) <= 1e-5 * Math.Max(1, weighted), $"{what} weighted");
    }

    [Theory]
    [InlineData("mse", "mean_squared_error")]
    [InlineData("mean_absolute_error", "mean_absolute_error")]
    [InlineData("MeanAbsolutePercentageError", "mean_absolute_percentage_error")]
    [InlineData("msle", "mean_squared_logarithmic_error")]
    [InlineData("binary_crossentropy", "binary_crossentropy")]
    [InlineData("categorical_crossentropy", "categorical_crossentropy")]
    [InlineData("sparse_categorical_crossentropy", "sparse_categorical_crossentropy")]
    [InlineData("huber", "huber_loss")]
    [InlineData("hinge", "hinge")]
    public void StringsResolveToKerasLosses(string given, string name) => Assert.Equal(name, ((Loss)given).Name);

    [Fact]
    public void UnknownLossListsValidNames()
    {
        var e = Assert.Throws<ArgumentException>(() => Loss.Get("mean_sqared_error"));
        Assert.Contains("Could not interpret loss identifier: 'mean_sqared_error'", e.Message);
        Assert.Contains("sparse_categorical_crossentropy", e.Message);
        Assert.Contains("huber", e.Message);
    }

    [Fact]
    public void SampleWeightsMustMatchTheBatch()
    {
        var t = Tensor.Zeros(new Shape(3, 2));
        var e = Assert.Throws<ArgumentException>(() => ((Loss)"mse").Compute(t, t, Tensor.Ones(new Shape(2))));
        Assert.Equal("The loss mean_squared_error expects one sample weight per sample, shape (3,). Received: sample_weight.shape=(2,)", e.Message);
        Assert.Equal(0.0, ((Loss)"mse").Compute(t, t, Tensor.Ones(new Shape(3, 1))).Item());
    }

    [Fact]
    public void HuberDeltaChangesTheKink()
    {
        var t = Tensor.From(new float[] { 0, 0 }, new Shape(1, 2));
        var p = Tensor.From(new float[] { 0.5f, 3f }, new Shape(1, 2));
        // delta 2: 0.5·0.25 and 2·3 − 0.5·4, averaged.
        Assert.Equal((0.125 + 4.0) / 2, new Huber(2.0).Compute(t, p).Item(), 5e-6);
    }
}
