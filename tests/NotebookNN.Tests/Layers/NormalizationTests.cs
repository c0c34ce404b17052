using NotebookNN.Layers;

namespace NotebookNN.Tests.Layers;

/// <summary>keras.layers.Normalization as TensorFlow's regression tutorial uses it, against float64 statistics computed here.</summary>
public class NormalizationTests
{
    /// <summary>50 samples of 3 features on very different scales.</summary>
    private static float[,] Data()
    {
        var rng = new Random(7);
        var d = new float[50, 3];
        for (int i = 0; i < 50; i++) { d[i, 0] = (float)(rng.NextDouble() * 1000); d[i, 1] = (float)(rng.NextDouble() - 0.5); d[i, 2] = 3f + i % 4; }
        return d;
    }

    private static (double[] Mean, double[] Variance) Statistics(float[,] d)
    {
        int n = d.GetLength(0), f = d.GetLength(1);
        var mean = Enumerable.Range(0, f).Select(j => Enumerable.Range(0, n).Average(i => (double)d[i, j])).ToArray();
        var variance = Enumerable.Range(0, f).Select(j => Enumerable.Range(0, n).Average(i => Math.Pow(d[i, j] - mean[j], 2))).ToArray();
        return (mean, variance);
    }

    [Fact]
    public void AdaptLearnsEachFeaturesMeanAndVarianceAndStandardizes()
    {
        var d = Data();
        var (mean, variance) = Statistics(d);
        var normalizer = new Normalization(axis: -1);
        normalizer.Adapt(Tensor.From(d));
        var w = normalizer.GetWeights();
        for (int j = 0; j < 3; j++)
        {
            Assert.Equal(mean[j], w[0].ToArray()[j], Math.Abs(mean[j]) * 1e-6 + 1e-6);
            Assert.Equal(variance[j], w[1].ToArray()[j], variance[j] * 1e-5);
        }
        Assert.Equal(50f, w[2].Item()); // values per feature seen
        var y = normalizer.Invoke(Tensor.From(d)).ToArray();
        for (int i = 0; i < 50; i++)
            for (int j = 0; j < 3; j++)
                Assert.Equal((d[i, j] - mean[j]) / Math.Sqrt(variance[j]), y[i * 3 + j], 1e-4);
    }

    [Fact]
    public void StatisticsAreNonTrainableWeightsSavedWithTheModel()
    {
        var d = Data();
        var normalizer = new Normalization(inputShape: [3]);
        normalizer.Adapt(Tensor.From(d));
        var model = new Sequential([normalizer, new Dense(1)]);
        // Keras 2's summary: mean and variance per feature plus the count, none trainable
        var summary = model.Summary().ToString();
        Assert.Contains("Total params: 11", summary);          // 7 + the Dense's 4
        Assert.Contains("Trainable params: 4", summary);
        Assert.Contains("Non-trainable params: 7", summary);
        model.Compile(optimizer: "adam", loss: "mse");
        var x = Tensor.From(d);
        var before = normalizer.GetWeights().Select(t => t.ToArray()).ToList();
        model.Fit(x, Tensor.Ones(new Shape(50, 1)), epochs: 2, verbose: 0);
        Assert.Equal(before, normalizer.GetWeights().Select(t => t.ToArray()).ToList()); // training leaves them alone
        var path = Path.Combine(Path.GetTempPath(), $"norm-{Guid.NewGuid():N}.keras");
        try
        {
            model.Save(path);
            var loaded = Keras.Models.LoadModel(path);
            Assert.Equal(model.Predict(x, verbose: 0).ToArray(), loaded.Predict(x, verbose: 0).ToArray());
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void GivenStatisticsAreConstantsAndInvertUndoes()
    {
        var layer = new Normalization(mean: [10, -2], variance: [4, 0.25]);
        var x = Tensor.From(new float[,] { { 12, -2 }, { 8, -1.5f } });
        Assert.Equal([1f, 0f, -1f, 1f], layer.Invoke(x).ToArray());
        Assert.Empty(layer.Weights);
        var back = new Normalization(mean: [10, -2], variance: [4, 0.25], invert: true).Invoke(layer.Invoke(x));
        Assert.Equal(x.ToArray(), back.ToArray());
    }

    [Fact]
    public void AnInnerFeatureAxisAndNoAxis()
    {
        // (samples, 2, 3) with the features on axis 1: statistics over axes 0 and 2
        var values = Enumerable.Range(0, 4 * 2 * 3).Select(i => (float)(i * i % 11)).ToArray();
        var x = Tensor.From(values, new Shape(4, 2, 3));
        var layer = new Normalization(axis: 1);
        layer.Adapt(x);
        for (int f = 0; f < 2; f++)
        {
            var group = Enumerable.Range(0, values.Length).Where(i => i / 3 % 2 == f).Select(i => (double)values[i]).ToArray();
            Assert.Equal(group.Average(), layer.GetWeights()[0].ToArray()[f], 1e-5);
            Assert.Equal(group.Average(v => Math.Pow(v - group.Average(), 2)), layer.GetWeights()[1].ToArray()[f], 1e-4);
        }
        var all = new Normalization(axis: null);
        all.Adapt(x);
        Assert.Equal(values.Average(v => (double)v), all.GetWeights()[0].Item(), 1e-5);
        Assert.Equal(new Shape(4, 2, 3), all.Invoke(x).Shape);
    }

    [Fact]
    public void BadArgumentsSayWhatWasExpected()
    {
        Assert.Contains("both must be set", Assert.Throws<ArgumentException>(() => new Normalization(mean: [1.0])).Message);
        Assert.Contains("axis=0", Assert.Throws<ArgumentException>(() => new Normalization(axis: 0)).Message);
        var layer = new Normalization();
        layer.Adapt(Tensor.Ones(new Shape(5, 3)));
        Assert.Contains("built for samples of shape (3,)", Assert.Throws<ArgumentException>(() => layer.Adapt(Tensor.Ones(new Shape(5, 4)))).Message);
        Assert.Contains("cannot be adapted", Assert.Throws<InvalidOperationException>(() => new Normalization(mean: [0.0], variance: [1.0]).Adapt(Tensor.Ones(new Shape(2, 1)))).Message);
        Assert.Contains("2 values of `mean` for 3 features", Assert.Throws<ArgumentException>(() => new Normalization(mean: [0, 0], variance: [1, 1]).Invoke(Tensor.Ones(new Shape(2, 3)))).Message);
    }
}
