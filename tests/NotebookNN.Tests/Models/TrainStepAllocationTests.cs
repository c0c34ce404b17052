using NotebookNN.Layers;
using NotebookNN.Losses;
using NotebookNN.Optimizers;

namespace NotebookNN.Tests.Models;

/// <summary>
/// A steady-state train step takes every tensor's storage from the model's step arena: what it still allocates
/// (tensor headers, tape closures) is a few kilobytes whatever the batch size. Measured on this thread only (the
/// compute pool's workers allocate nothing), so tests running in parallel do not disturb it.
/// </summary>
public class TrainStepAllocationTests
{
    private const int Samples = 1024, Features = 64;

    private static (Model Model, Tensor X, Tensor Y) Setup(Optimizer optimizer, bool accuracy = false)
    {
        var rng = new Random(3);
        var x = Tensor.From([.. Enumerable.Range(0, Samples * Features).Select(_ => (float)rng.NextDouble())]).Reshape([Samples, Features]);
        var y = Tensor.From([.. Enumerable.Range(0, Samples).Select(_ => (float)rng.Next(10))]);
        var model = new Sequential([new Dense(96, activation: "relu", inputShape: [Features]), new Dense(48, activation: "relu"), new Dense(10)]);
        if (accuracy) model.Compile(optimizer: optimizer, loss: new SparseCategoricalCrossentropy(fromLogits: true), metrics: ["accuracy"]);
        else model.Compile(optimizer: optimizer, loss: new SparseCategoricalCrossentropy(fromLogits: true));
        return (model, x, y);
    }

    /// <summary>Bytes this thread allocates per train step once the arena is warm.</summary>
    private static double BytesPerStep(Model model, Tensor x, Tensor y, int batch)
    {
        var session = new TrainingSession(model);
        var order = Enumerable.Range(0, Samples).Reverse().ToArray(); // a shuffled order: rows are gathered
        int steps = Samples / batch;
        for (int s = 0; s < steps; s++) session.TrainStep(x, y, null, order, s * batch, (s + 1) * batch); // warm-up
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int s = 0; s < steps; s++) session.TrainStep(x, y, null, order, s * batch, (s + 1) * batch);
        return (GC.GetAllocatedBytesForCurrentThread() - before) / (double)steps;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // the accuracy metric counts hits on the batch's spans: no copy of y or the predictions
    public void SteadyStateStep_AllocatesNoTensorStorage(bool accuracy)
    {
        var (model, x, y) = Setup(new SGD(0.01), accuracy);
        double small = BytesPerStep(model, x, y, batch: 16);
        double large = BytesPerStep(model, x, y, batch: 256);
        // A batch of 256 has 256 × 64 input floats (64 KB) and larger activations: none of it may be allocated again.
        Assert.True(large < small + 1024, $"a 256-sample step allocated {large:F0} bytes against {small:F0} for 16 samples: storage that scales with the batch is not reused");
        Assert.True(small < 12 * 1024, $"a steady-state train step allocated {small:F0} bytes");
    }

    [Fact]
    public void SteadyStateAdamStep_AllocatesNoTensorStorage()
    {
        var (model, x, y) = Setup(new Adam());
        double bytes = BytesPerStep(model, x, y, batch: 128);
        Assert.True(bytes < 12 * 1024, $"a steady-state Adam train step allocated {bytes:F0} bytes");
    }

    [Fact]
    public void RepeatedFitCalls_ReuseTheModelsStepArena()
    {
        var (model, x, y) = Setup(new SGD(0.01));
        model.Fit(x, y, batchSize: 256, epochs: 1, verbose: 0, shuffle: false);
        long before = GC.GetAllocatedBytesForCurrentThread();
        model.Fit(x, y, batchSize: 256, epochs: 1, verbose: 0, shuffle: false);
        long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        // One step's activations and gradients alone are > 256 × (96 + 48 + 10) × 4 × 2 bytes ≈ 315 KB.
        Assert.True(bytes < 100_000, $"a second one-epoch Fit call allocated {bytes} bytes: the step storage was not reused");
    }
}
