using NotebookNN.Callbacks;
using NotebookNN.Layers;
using NotebookNN.Losses;
using NotebookNN.Optimizers;

namespace NotebookNN.Tests.Models;

/// <summary>Fit's options, History, Evaluate, Predict and the on-batch methods, checked against values computed here.</summary>
public class FitTests
{
    /// <summary>Passes its input through and records each training batch it sees (the first feature of every sample).</summary>
    private sealed class Recorder(string? name = null) : Layer(name)
    {
        public List<float[]> Batches { get; } = [];

        public override Tensor Call(Tensor inputs, bool training = false)
        {
            if (training) Batches.Add(inputs[.., 0].ToArray());
            return inputs;
        }
    }

    private static (Tensor X, Tensor Y) Data(int n, int features = 3, int classes = 3)
    {
        var x = new float[n * features];
        var y = new float[n];
        for (int i = 0; i < n; i++)
        {
            x[i * features] = i; // sample id in feature 0
            for (int j = 1; j < features; j++) x[i * features + j] = MathF.Sin(i * 1.3f + j);
            y[i] = i % classes;
        }
        return (Tensor.From(x, new Shape(n, features)), Tensor.From(y));
    }

    private static (Sequential Model, Recorder Rec) Classifier(double lr = 0.01, int features = 3, string name = "rec")
    {
        var rec = new Recorder(name);
        var model = new Sequential().Add(new Input(shape: [features])).Add(rec).Add(new Dense(3, activation: "softmax", kernelInitializer: "ones"));
        model.Compile(optimizer: new SGD(lr), loss: "sparse_categorical_crossentropy", metrics: ["accuracy"]);
        return (model, rec);
    }

    [Fact]
    public void BatchesInOrderWithPartialLastBatchWhenNotShuffled()
    {
        var (x, y) = Data(10);
        var (model, rec) = Classifier();
        model.Fit(x, y, batchSize: 4, epochs: 2, shuffle: false, verbose: 0);
        Assert.Equal([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9], [0, 1, 2, 3], [4, 5, 6, 7], [8, 9]], rec.Batches);
    }

    [Fact]
    public void ValidationSplitTakesTheLastFractionBeforeShuffling()
    {
        var (x, y) = Data(20);
        var (model, rec) = Classifier();
        var h = model.Fit(x, y, batchSize: 5, epochs: 1, validationSplit: 0.25, verbose: 0);
        var seen = rec.Batches.SelectMany(b => b).OrderBy(v => v).ToArray();
        Assert.Equal(Enumerable.Range(0, 15).Select(i => (float)i), seen);
        Assert.Equal(3, rec.Batches.Count);
        var (valLoss, valAcc) = model.Evaluate(x[15..], y[15..], verbose: 0);
        Assert.Equal(valLoss, h.History["val_loss"][0], 5);
        Assert.Equal(valAcc, h.History["val_accuracy"][0], 5);
    }

    [Fact]
    public void ShuffleVisitsEverySampleOnceInAnotherOrder()
    {
        var (x, y) = Data(64);
        var (model, rec) = Classifier();
        Utils.SetRandomSeed(3);
        model.Fit(x, y, batchSize: 16, epochs: 1, verbose: 0);
        var order = rec.Batches.SelectMany(b => b).ToArray();
        Assert.Equal(Enumerable.Range(0, 64).Select(i => (float)i), order.OrderBy(v => v));
        Assert.NotEqual(Enumerable.Range(0, 64).Select(i => (float)i), order);
    }

    [Fact]
    public void HistoryKeysEpochsAndValidationData()
    {
        var (x, y) = Data(30);
        var (xv, yv) = Data(9);
        var (model, _) = Classifier();
        var h = model.Fit(x, y, batchSize: 8, epochs: 3, validationData: (xv, yv), verbose: 0);
        Assert.Equal(["loss", "accuracy", "val_loss", "val_accuracy"], h.History.Keys);
        Assert.Equal([0, 1, 2], h.Epoch);
        Assert.All(h.History.Values, v => Assert.Equal(3, v.Count));
        var result = model.Evaluate(xv, yv, verbose: 0);
        Assert.Equal(result["loss"], h.History["val_loss"][2], 5);
        Assert.Equal(result["accuracy"], h.History["val_accuracy"][2], 5);
        Assert.Equal(3, h.Params["epochs"]);
        Assert.Equal(4, h.Params["steps"]);
        Assert.Equal(0, h.Params["verbose"]);
    }

    [Fact]
    public void ValidationFreqValidatesEveryNthEpoch()
    {
        var (x, y) = Data(12);
        var (model, _) = Classifier();
        var validated = new List<int>();
        var cb = new LambdaCallback(onEpochEnd: (e, logs) => { if (logs.ContainsKey("val_loss")) validated.Add(e); });
        model.Fit(x, y, epochs: 5, validationData: (x, y), validationFreq: 2, verbose: 0, callbacks: [cb]);
        Assert.Equal([1, 3], validated);
    }

    [Fact]
    public void InitialEpochResumesNumbering()
    {
        var (x, y) = Data(8);
        var (model, _) = Classifier();
        var h = model.Fit(x, y, epochs: 5, initialEpoch: 3, verbose: 0);
        Assert.Equal([3, 4], h.Epoch);
        Assert.Equal(2, h.History["loss"].Count);
    }

    [Fact]
    public void ShuffleFalseIsDeterministic()
    {
        var (x, y) = Data(25);
        var (a, _) = Classifier(lr: 0.1);
        var (b, _) = Classifier(lr: 0.1);
        b.SetWeights(a.GetWeights());
        a.Fit(x, y, batchSize: 7, epochs: 3, shuffle: false, verbose: 0);
        b.Fit(x, y, batchSize: 7, epochs: 3, shuffle: false, verbose: 0);
        Assert.Equal(a.GetWeights()[0].ToArray(), b.GetWeights()[0].ToArray());
        Assert.NotEqual(Tensor.Ones(new Shape(3, 3)).ToArray(), a.GetWeights()[0].ToArray());
    }

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
        Assert.Equal(Expected(i => cw[i % 3]), h1.History["loss"][0], 5);
        var h2 = model.Fit(x, y, batchSize: 4, sampleWeight: Tensor.From(sw), verbose: 0);
        Assert.Equal(Expected(i => sw[i]), h2.History["loss"][0], 5);
        var h3 = model.Fit(x, y, batchSize: 3, classWeight: cw, sampleWeight: Tensor.From(sw), verbose: 0);
        Assert.Equal(Expected(i => cw[i % 3] * sw[i]), h3.History["loss"][0], 5);
        Assert.Equal(Expected(_ => 1), model.Evaluate(x, y, batchSize: 3, verbose: 0).Loss, 5);
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
        Assert.Equal(loss, l, 5);
        Assert.Equal(acc, a, 6);
        var (l2, a2) = model.Evaluate(x, y, batchSize: 100, verbose: 0);
        Assert.Equal(l, l2, 5);
        Assert.Equal(a, a2, 6);
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
            for (int i = 0; i < v.Length; i++) Assert.Equal(whole[i], v[i], 5);
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
        Assert.Equal(model.Evaluate(x, y, verbose: 0).Loss, test.Loss, 5);
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
        Assert.Equal(Enumerable.Range(0, 6).Sum(i => perSample[i] * cw[i % 3]) / 6, model.TrainOnBatch(x, y, classWeight: cw).Loss, 5);
        Assert.Equal(Enumerable.Range(0, 6).Sum(i => perSample[i] * (1 + i % 2)) / 6, model.TestOnBatch(x, y, sw).Loss, 5);
        var e = Assert.Throws<ArgumentException>(() => model.TestOnBatch(x, y, Tensor.Ones(new Shape(5))));
        Assert.Contains("Expected sample_weight to have shape (6,)", e.Message);
    }

    [Fact]
    public void LearningRateSchedulerAndReduceLROnPlateauSetTheRate()
    {
        var (x, y) = Data(8);
        var (model, _) = Classifier(lr: 0.1);
        var seen = new List<double>();
        var h = model.Fit(x, y, epochs: 3, verbose: 0, callbacks:
        [
            new LearningRateScheduler((epoch, lr) => epoch == 0 ? 0.5 : lr / 2),
            new LambdaCallback(onEpochBegin: (_, _) => seen.Add(model.Optimizer!.LearningRate)),
        ]);
        Assert.Equal([0.5, 0.25, 0.125], seen.Select(v => Math.Round(v, 6)));
        Assert.Equal([0.5, 0.25, 0.125], h.History["lr"].Select(v => Math.Round(v, 6)));
    }
}
