using NotebookNN.Callbacks;
using NotebookNN.Layers;
using NotebookNN.Losses;
using NotebookNN.Optimizers;

namespace NotebookNN.Tests.Models;

/// <summary>Small data and models shared by the Fit / Evaluate tests: sample i has feature 0 = i and label i % 3.</summary>
internal static class FitData
{
    /// <summary>Passes its input through and records each training batch it sees (the first feature of every sample).</summary>
    internal sealed class Recorder(string? name = null) : Layer(name)
    {
        public List<float[]> Batches { get; } = [];

        public override Tensor Call(Tensor inputs, bool training = false)
        {
            if (training) Batches.Add(inputs[.., 0].ToArray());
            return inputs;
        }
    }

    internal static (Tensor X, Tensor Y) Data(int n, int features = 3, int classes = 3)
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

    internal static (Sequential Model, Recorder Rec) Classifier(double lr = 0.01, int features = 3, string name = "rec")
    {
        var rec = new Recorder(name);
        var model = new Sequential().Add(new Input(shape: [features])).Add(rec).Add(new Dense(3, activation: "softmax", kernelInitializer: "ones"));
        model.Compile(optimizer: new SGD(lr), loss: "sparse_categorical_crossentropy", metrics: ["accuracy"]);
        return (model, rec);
    }
}
