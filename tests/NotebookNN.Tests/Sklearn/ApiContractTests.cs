using NotebookNN.Callbacks;
using NotebookNN.Layers;

namespace NotebookNN.Tests.Sklearn;

/// <summary>The data and tuning lines of API.md compile and run as written (on small tensors).</summary>
public class ApiContractTests
{
    [Fact]
    public void DataSectionLinesRun()
    {
        var x = Tensor.From(Enumerable.Range(0, 40).Select(i => (float)i).ToArray(), [20, 2]);
        var y = Tensor.From(Enumerable.Range(0, 20).Select(i => (float)(i % 3)).ToArray());
        var yOneHot = Utils.ToCategorical(y, numClasses: 3);
        int[][] sequences = [[1, 2], [3]];
        var multiHot = Utils.MultiHot(sequences, dimension: 10000);
        var (xTr, xVa, yTr, yVa) = NotebookNN.Sklearn.TrainTestSplit(x, y, testSize: 0.1, randomState: 42);
        var report = NotebookNN.Sklearn.ClassificationReport(y, y);
        var mse = NotebookNN.Sklearn.MeanSquaredError(y, y);
        var scaled = new StandardScaler().FitTransform(x);
        Assert.Equal("(20, 3) (2, 10000) (18, 2) (2, 2) (18,) (2,) (20, 2)",
            $"{yOneHot.Shape} {multiHot.Shape} {xTr.Shape} {xVa.Shape} {yTr.Shape} {yVa.Shape} {scaled.Shape}");
        Assert.Equal(0, mse);
        Assert.Contains("    accuracy                           1.00        20", report.ToString());
    }

    [Fact]
    public void TuningSectionLinesRun()
    {
        Model Build(HyperParameters hp)
        {
            var model = new Sequential([new InputLayer([2])]);
            for (int i = 0; i < hp.Int("n_hidden", 0, 1); i++) model.Add(new Dense(4, activation: "relu"));
            model.Add(new Dense(1));
            return model.Compile(loss: "mse", optimizer: new NotebookNN.Optimizers.SGD(learningRate: hp.Float("learning_rate", 3e-4, 3e-2, sampling: "log")));
        }
        var x = Tensor.From(Enumerable.Range(0, 40).Select(i => (float)Math.Sin(i)).ToArray(), [20, 2]);
        var y = Tensor.From(Enumerable.Range(0, 20).Select(i => (float)Math.Cos(i)).ToArray(), [20, 1]);
        var tuner = new RandomSearch(Build, objective: "val_loss", maxTrials: 2, seed: 42);
        tuner.Search(x, y, epochs: 2, validationData: (x, y), callbacks: [new EarlyStopping(patience: 10)], verbose: 0);
        Assert.Equal(2, tuner.Results.Count);
        Assert.InRange(tuner.BestHyperParameters.Get<double>("learning_rate"), 3e-4, 3e-2);
    }
}
