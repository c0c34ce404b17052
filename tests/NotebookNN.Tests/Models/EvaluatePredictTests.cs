using NotebookNN.Layers;
using NotebookNN.Losses;
using static NotebookNN.Tests.Models.FitData;

namespace NotebookNN.Tests.Models;

/// <summary>Evaluate, Predict and the on-batch methods, with sample and class weights, against values computed here.</summary>
public class EvaluatePredictTests
{
    [Fact]
    public void EpochLossIsTheSampleMeanWithClassAndSampleWeights()
    {
        // With the weights frozen the epoch loss is the weighted mean of per-sample losses, which we compute here.
        var (x, y) = Data(10);
        var (model, _) = Classifier();
        model.Layers[^1].Trainable = false;
        var perSample = new SparseCategoricalCrossentropy().Call(y, model.Predict(x)).ToArray();
        var cw = new Dictionary<int, double> { [0] = 1.0, [1] = 2.0, [2] = 0.5 };
        var sw = Enumerable.Range(0, 10).Select(i => 1f + i / 10f).ToArray();
        double Expected(Func<int, double> w) => Enumerable.Range(0, 10).Sum(i => perSample[i] * w(i)) / 10;
        var h1 = model.Fit(x, y, batchSize: 4, classWeight: cw, shuffle: false, verbose: 0);
        Assert.Equal(Expected(i => cw[i % 3]), h1.History["loss"][0], 5e-6);
        var h2 = model.Fit(x, y, batchSize: 4, sampleWeight: Tensor.From(sw), verbose: 0);
        Assert.Equal(Expected(i => sw[i]), h2.History["loss"][0], 5e-6);
        var h3 = model.Fit(x, y, batchSize: 3, classWeight: cw, sampleWeight: Tensor.From(sw), verbose: 0);
        Assert.Equal(Expected(i => cw[i % 3] * sw[i]), h3.History["loss"][0], 5e-6);
        Assert.Equal(Expected(_ => 1), model.Evaluate(x, y, batchSize: 3, verbose: 0).Loss, 5e-6);
    }

    [Fact]
    public void EvaluateDeconstructsAndMatchesPredictions()
    {
        var (x, y) = Data(23);
        Utils.SetRandomSeed(5);
        var model = new Sequential().Add(new Dense(3, activation: "softmax", inputShape: [3]))
            .Compile(optimizer: "adam", loss: "sparse_categorical_crossentropy", metrics: ["accuracy"]);
        var p = model.Predict(x);
        var probs = p.ToArray();
        var labels = y.ToArray();
        double loss = 0, acc = 0;
        for (int i = 0; i < 23; i++)
        {
            loss -= Math.Log(probs[i * 3 + (int)labels[i]]) / 23;
            int arg = Enumerable.Range(0, 3).MaxBy(j => probs[i * 3 + j]);
            acc += arg == labels[i] ? 1.0 / 23 : 0;
        }
        var (l, a) = model.Evaluate(x, y, batchSize: 5, verbose: 0);
        Assert.Equal(loss, l, 5e-6);
        Assert.Equal(acc, a, 5e-7);
        var (l2, a2) = model.Evaluate(x, y, batchSize: 100, verbose: 0);
        Assert.Equal(l, l2, 5e-6);
        Assert.Equal(a, a2, 5e-7);
        Assert.Equal(["loss", "accuracy"], model.Evaluate(x, y, verbose: 0).Keys);
    }

    [Fact]
    public void PredictEqualsPredictOnBatchForAnyBatchSize()
    {
        var (x, _) = Data(37, features: 5);
        var model = new Sequential().Add(new Dense(8, activation: "relu", inputShape: [5])).Add(new Dropout(0.5)).Add(new Dense(2));
        var whole = model.PredictOnBatch(x).ToArray();
        foreach (var bs in new[] { 1, 5, 32, 100 })
        {
            var p = model.Predict(x, batchSize: bs);
            Assert.Equal(new Shape(37, 2), p.Shape);
            var v = p.ToArray();
            for (int i = 0; i < v.Length; i++) Assert.Equal(whole[i], v[i], 5e-6);
        }
    }

    [Fact]
    public void TrainOnBatchUpdatesTestOnBatchDoesNot()
    {
        var (x, y) = Data(6);
        var (model, _) = Classifier(lr: 0.5);
        var before = model.GetWeights()[0].ToArray();
        var test = model.TestOnBatch(x, y);
        Assert.Equal(before, model.GetWeights()[0].ToArray());
        Assert.Equal(model.Evaluate(x, y, verbose: 0).Loss, test.Loss, 5e-6);
        var train = model.TrainOnBatch(x, y);
        Assert.Equal(test.Loss, train.Loss, 5); // loss of the batch before the update
        Assert.NotEqual(before, model.GetWeights()[0].ToArray());
        Assert.True(model.TestOnBatch(x, y).Loss < test.Loss);
        Assert.Equal(["loss", "accuracy"], train.Keys);
    }

    [Fact]
    public void OnBatchWeightsMatchFit()
    {
        var (x, y) = Data(6);
        var (model, _) = Classifier();
        model.Layers[^1].Trainable = false;
        var perSample = new NotebookNN.Losses.SparseCategoricalCrossentropy().Call(y, model.Predict(x)).ToArray();
        var cw = new Dictionary<int, double> { [0] = 3, [1] = 1, [2] = 0 };
        var sw = Tensor.From(new float[] { 1, 2, 1, 2, 1, 2 });
        Assert.Equal(Enumerable.Range(0, 6).Sum(i => perSample[i] * cw[i % 3]) / 6, model.TrainOnBatch(x, y, classWeight: cw).Loss, 5e-6);
        Assert.Equal(Enumerable.Range(0, 6).Sum(i => perSample[i] * (1 + i % 2)) / 6, model.TestOnBatch(x, y, sw).Loss, 5e-6);
        var e = Assert.Throws<ArgumentException>(() => model.TestOnBatch(x, y, Tensor.Ones(new Shape(5))));
        Assert.Contains("Expected sample_weight to have shape (6,)", e.Message);
    }
}
