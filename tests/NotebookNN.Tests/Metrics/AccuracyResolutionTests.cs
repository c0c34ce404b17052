using NotebookNN.Layers;

namespace NotebookNN.Tests.Metrics;

/// <summary>"accuracy" / "acc" resolve to binary, sparse categorical or categorical accuracy as Keras 2 does.</summary>
public class AccuracyResolutionTests
{
    private static double Evaluate(int units, string activation, string loss, Tensor x, Tensor y, string metric = "accuracy")
    {
        var model = new Sequential().Add(new Dense(units, activation: activation, inputShape: [2]));
        var k = new float[2 * units];
        for (int i = 0; i < k.Length; i++) k[i] = (i % 3) - 1; // fixed weights
        model.SetWeights([Tensor.From(k, new Shape(2, units)), Tensor.Zeros(new Shape(units))]);
        model.Compile(optimizer: "sgd", loss: loss, metrics: [metric]);
        var result = model.Evaluate(x, y, batchSize: 3, verbose: 0);
        Assert.Equal(["loss", metric], result.Keys);
        return result[metric];
    }

    private static readonly Tensor X = Tensor.From(new float[] { 1, 2, -1, 0.5f, 3, -2, 0, 1, -1, -1, 2, 2, 0.2f, -0.4f }, new Shape(7, 2));

    [Fact]
    public void OneSigmoidUnitGivesBinaryAccuracy()
    {
        var y = Tensor.From(new float[] { 1, 0, 1, 1, 0, 0, 1 }, new Shape(7, 1));
        var p = new Sequential().Add(new Dense(1, activation: "sigmoid", inputShape: [2]));
        p.SetWeights([Tensor.From(new float[] { -1, 0 }, new Shape(2, 1)), Tensor.Zeros(new Shape(1))]);
        var probs = p.Predict(X).ToArray();
        var labels = y.ToArray();
        double want = Enumerable.Range(0, 7).Average(i => (probs[i] > 0.5 ? 1 : 0) == labels[i] ? 1.0 : 0.0);
        Assert.Equal(want, Evaluate(1, "sigmoid", "binary_crossentropy", X, y), 5e-7);
        Assert.Equal(want, Evaluate(1, "sigmoid", "binary_crossentropy", X, y, "acc"), 5e-7);
    }

    [Fact]
    public void IntegerLabelsGiveSparseAndOneHotGiveCategorical()
    {
        var labels = new float[] { 0, 2, 1, 1, 0, 2, 2 };
        var p = new Sequential().Add(new Dense(3, activation: "softmax", inputShape: [2]));
        var k = new float[6];
        for (int i = 0; i < 6; i++) k[i] = (i % 3) - 1;
        p.SetWeights([Tensor.From(k, new Shape(2, 3)), Tensor.Zeros(new Shape(3))]);
        var probs = p.Predict(X).ToArray();
        double want = Enumerable.Range(0, 7).Average(i => Enumerable.Range(0, 3).MaxBy(j => probs[i * 3 + j]) == labels[i] ? 1.0 : 0.0);
        Assert.Equal(want, Evaluate(3, "softmax", "sparse_categorical_crossentropy", X, Tensor.From(labels)), 5e-7);
        Assert.Equal(want, Evaluate(3, "softmax", "sparse_categorical_crossentropy", X, Tensor.From(labels, new Shape(7, 1))), 5e-7);
        var oneHot = new float[21];
        for (int i = 0; i < 7; i++) oneHot[i * 3 + (int)labels[i]] = 1;
        Assert.Equal(want, Evaluate(3, "softmax", "categorical_crossentropy", X, Tensor.From(oneHot, new Shape(7, 3))), 5e-7);
    }
}
