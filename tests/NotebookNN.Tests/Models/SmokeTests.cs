using NotebookNN;
using NotebookNN.Layers;
using NotebookNN.Tests.Support;

namespace NotebookNN.Tests.Models;

public class SmokeTests
{
    [SkippableFact]
    public void IrisTrains()
    {
        Utils.SetRandomSeed(42);
        var (x, y) = SharedData.SklearnCsv("iris.csv");
        var mean = x.Mean(axis: 0);
        var std = x.Std(axis: 0);
        x = (x - mean) / std;
        var model = new Sequential([new Dense(16, activation: "relu", inputShape: [4]), new Dense(3, activation: "softmax")]);
        model.Compile(loss: "sparse_categorical_crossentropy", optimizer: "adam", metrics: ["accuracy"]);
        Console.WriteLine(model.Summary());
        var h = model.Fit(x, y, epochs: 30, verbose: 2);
        var (loss, acc) = model.Evaluate(x, y, verbose: 0);
        Console.WriteLine($"{loss} {acc}");
        Assert.True(acc > 0.9, $"accuracy {acc}");
    }
}
