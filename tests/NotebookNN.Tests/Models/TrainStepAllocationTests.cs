using NotebookNN.Layers;
using NotebookNN.Losses;
using NotebookNN.Metrics;
using NotebookNN.Optimizers;
using NotebookNN.Regularizers;
using NotebookNN.Tests.Support;

namespace NotebookNN.Tests.Models;

/// <summary>
/// A steady-state train step allocates nothing: tensor storage and tensor objects come from the model's step arena,
/// dims are interned, and the ops of the tutorials' models record pooled tape ops instead of closures. Measured on this
/// thread only (the compute pool's workers allocate nothing), so tests running in parallel do not disturb it.
/// </summary>
public class TrainStepAllocationTests
{
    private const int Samples = 1024, Features = 64;

    private static Tensor Inputs(int[] sampleShape)
    {
        var rng = new Random(3);
        int per = sampleShape.Aggregate(1, (a, b) => a * b);
        return Tensor.From([.. Enumerable.Range(0, Samples * per).Select(_ => (float)rng.NextDouble())]).Reshape([Samples, .. sampleShape]);
    }

    private static Tensor Labels(int classes, bool oneHot)
    {
        var rng = new Random(5);
        var labels = Enumerable.Range(0, Samples).Select(_ => rng.Next(classes)).ToArray();
        if (!oneHot) return Tensor.From([.. labels.Select(l => (float)l)]);
        var values = new float[Samples * classes];
        for (int i = 0; i < Samples; i++) values[i * classes + labels[i]] = 1;
        return Tensor.From(values, [Samples, classes]);
    }

    /// <summary>Bytes this thread allocates per train step once the arena, the tape's op pools and the JIT are warm.</summary>
    private static double BytesPerStep(Model model, Tensor x, Tensor y, int batch)
    {
        var session = new TrainingSession(model);
        var order = Enumerable.Range(0, Samples).Reverse().ToArray(); // a shuffled order: rows are gathered
        int steps = Samples / batch;
        for (int pass = 0; pass < 3; pass++)
            for (int s = 0; s < steps; s++) session.TrainStep(x, y, null, order, s * batch, (s + 1) * batch);
        return AllocationProbe.BytesPerCall(steps, s => session.TrainStep(x, y, null, order, s * batch, (s + 1) * batch));
    }

    /// <summary>Bytes this thread allocates per test step (Evaluate's, and Fit's validation) once warm.</summary>
    private static double BytesPerTestStep(Model model, Tensor x, Tensor y, int batch)
    {
        var session = new TrainingSession(model);
        int steps = Samples / batch;
        for (int pass = 0; pass < 3; pass++)
            for (int s = 0; s < steps; s++) session.TestStep(x, y, null, s * batch, (s + 1) * batch);
        return AllocationProbe.BytesPerCall(steps, s => session.TestStep(x, y, null, s * batch, (s + 1) * batch));
    }

    public static TheoryData<string> Configurations => [
        "logits-sgd", "logits-adam", "softmax-rmsprop-accuracy", "dropout-onehot-adam", "sigmoid-binary-accuracy",
        "mse-mae", "flatten-images", "l2-momentum", "bias-and-no-bias", "functional-chain", "functional-wide-deep",
        "max-pooling", "batch-norm", "conv-same-relu", "conv-strided-valid"];

    /// <summary>The tutorials' model kinds (and one mix of dense layers with and without bias): (model, loss, optimizer, metrics, x, y).</summary>
    private static (Model, Loss, Optimizer, Metric[], Tensor, Tensor) Configuration(string name) => name switch
    {
        "logits-sgd" => (Mlp(new Dense(10)), new SparseCategoricalCrossentropy(fromLogits: true), new SGD(0.01), [], Inputs([Features]), Labels(10, false)),
        "logits-adam" => (Mlp(new Dense(10)), new SparseCategoricalCrossentropy(fromLogits: true), new Adam(), [], Inputs([Features]), Labels(10, false)),
        "softmax-rmsprop-accuracy" => (Mlp(new Dense(10, activation: "softmax")), "sparse_categorical_crossentropy", "rmsprop", ["accuracy"], Inputs([Features]), Labels(10, false)),
        "dropout-onehot-adam" => (new Sequential([new Dense(64, activation: "relu", inputShape: [Features]), new Dropout(0.5), new Dense(10, activation: "softmax")]),
            "categorical_crossentropy", "adam", ["accuracy"], Inputs([Features]), Labels(10, true)),
        "sigmoid-binary-accuracy" => (Mlp(new Dense(1, activation: "sigmoid")), "binary_crossentropy", "adam", ["accuracy"], Inputs([Features]), Labels(2, false)),
        "mse-mae" => (Mlp(new Dense(1)), "mse", "rmsprop", ["mae"], Inputs([Features]), Labels(5, false)),
        "flatten-images" => (new Sequential([new Flatten(inputShape: [8, 8]), new Dense(32, activation: "relu"), new Dense(10)]),
            new SparseCategoricalCrossentropy(fromLogits: true), "adam", ["accuracy"], Inputs([8, 8]), Labels(10, false)),
        "l2-momentum" => (new Sequential([new Dense(32, activation: "relu", kernelRegularizer: new L2(0.01), inputShape: [Features]), new Dense(10)]),
            new SparseCategoricalCrossentropy(fromLogits: true), new SGD(0.01, momentum: 0.9), [], Inputs([Features]), Labels(10, false)),
        // one pooled dense tape op type recorded with three, three, then two inputs every step (the pool hands the
        // instances back in reverse order, so each instance meets both arities)
        "bias-and-no-bias" => (new Sequential([new Dense(32, activation: "relu", inputShape: [Features]), new Dense(16), new Dense(10, useBias: false)]),
            new SparseCategoricalCrossentropy(fromLogits: true), new Adam(), [], Inputs([Features]), Labels(10, false)),
        "functional-chain" => (FunctionalMlp(), "mse", "rmsprop", ["mae"], Inputs([Features]), Labels(5, false)),
        "functional-wide-deep" => (WideAndDeep(), "mse", "adam", [], Inputs([Features]), Labels(5, false)),
        // the convnet chapter: "same" convolutions with fused ReLU (the first one's input needs no gradient), then a
        // strided "valid" one without bias feeding a linear convolution
        "conv-same-relu" => (new Sequential([new Conv2D(8, 3, padding: "same", activation: "relu", inputShape: [8, 8, 1]),
                new Conv2D(16, 3, padding: "same", activation: "relu"), new Flatten(), new Dense(10)]),
            new SparseCategoricalCrossentropy(fromLogits: true), new Adam(), [], Inputs([8, 8, 1]), Labels(10, false)),
        "conv-strided-valid" => (new Sequential([new Conv2D(6, (3, 2), strides: 2, useBias: false, activation: "tanh", inputShape: [9, 8, 2]),
                new Conv2D(4, 1), new Flatten(), new Dense(1)]),
            "mse", "rmsprop", ["mae"], Inputs([9, 8, 2]), Labels(5, false)),
        // 16×16 images of 16 channels (batch 32: large enough to split across the cores): max pooling, then
        // same-padded overlapping windows (both backward paths), then dense
        "max-pooling" => (new Sequential([new MaxPooling2D(2, inputShape: [16, 16, 16]), new MaxPooling2D(3, strides: 1, padding: "same"),
            new Flatten(), new Dense(10)]), new SparseCategoricalCrossentropy(fromLogits: true), new Adam(), [], Inputs([16, 16, 16]), Labels(10, false)),
        // batch norm in training (statistics, moving averages, fused backward) on images, then on dense features
        "batch-norm" => (new Sequential([new BatchNormalization(inputShape: [8, 8, 4]), new MaxPooling2D(2), new Flatten(),
            new Dense(16, activation: "relu"), new BatchNormalization(), new Dense(10)]),
            new SparseCategoricalCrossentropy(fromLogits: true), new Adam(), [], Inputs([8, 8, 4]), Labels(10, false)),
        _ => throw new ArgumentException(name),
    };

    /// <summary>The Wide &amp; Deep tutorial's model: the input concatenated with the second hidden layer.</summary>
    private static Model WideAndDeep()
    {
        var input = new Input(shape: [Features]);
        var h = new Dense(32, activation: "relu").Call(input);
        h = new Dense(16, activation: "relu").Call(h);
        var concat = new Concatenate().Call(input, h);
        return new Model(inputs: input, outputs: new Dense(1).Call(concat));
    }

    /// <summary>The same MLP through the functional API (input, three dense calls, output).</summary>
    private static Model FunctionalMlp()
    {
        var input = new Input(shape: [Features]);
        var h = new Dense(96, activation: "relu").Call(input);
        h = new Dense(48, activation: "relu").Call(h);
        return new Model(inputs: input, outputs: new Dense(1).Call(h));
    }

    private static Sequential Mlp(Dense output) =>
        new([new Dense(96, activation: "relu", inputShape: [Features]), new Dense(48, activation: "relu"), output]);

    [Theory]
    [MemberData(nameof(Configurations))]
    public void SteadyStateStep_AllocatesNothing(string configuration)
    {
        var (model, loss, optimizer, metrics, x, y) = Configuration(configuration);
        model.Compile(optimizer: optimizer, loss: loss, metrics: metrics);
        double bytes = BytesPerStep(model, x, y, batch: 32);
        Assert.True(bytes == 0, $"{configuration}: a steady-state train step allocated {bytes:F1} bytes");
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void SteadyStateTestStep_AllocatesNothing(string configuration)
    {
        var (model, loss, optimizer, metrics, x, y) = Configuration(configuration);
        model.Compile(optimizer: optimizer, loss: loss, metrics: metrics);
        model.Build(x.Shape.Skip(1).ToArray());
        double bytes = BytesPerTestStep(model, x, y, batch: 32);
        Assert.True(bytes == 0, $"{configuration}: a steady-state test step allocated {bytes:F1} bytes");
    }

    [Fact]
    public void SteadyStateStep_AllocatesNothing_WithSeveralInputsAndOutputs()
    {
        // the Wide & Deep tutorial's model with its auxiliary output: two inputs, two outputs, weighted losses, metrics
        var wide = new Input(shape: [5], name: "wide_input");
        var deep = new Input(shape: [6], name: "deep_input");
        var h = new Dense(30, activation: "relu").Call(deep);
        h = new Dense(30, activation: "relu").Call(h);
        var main = new Dense(1, name: "main_output").Call(new Concatenate().Call(wide, h));
        var aux = new Dense(1, name: "aux_output").Call(h);
        var model = new Model([wide, deep], [main, aux]);
        model.Compile(new Adam(), loss: ["mse", "mse"], lossWeights: [0.9, 0.1], metrics: ["mae"]);
        Tensor[] x = [Inputs([Features])[.., ..5].Contiguous(), Inputs([Features])[.., 10..16].Contiguous()];
        var y = Labels(5, false).Reshape(Samples, 1);
        Tensor[] ys = [y, y];
        var session = new MultiIOSession(model, model.Heads(2));
        var order = Enumerable.Range(0, Samples).Reverse().ToArray();
        const int batch = 32;
        int steps = Samples / batch;
        for (int pass = 0; pass < 3; pass++)
            for (int s = 0; s < steps; s++) session.Step(x, ys, null, order, s * batch, (s + 1) * batch, train: pass < 2);
        foreach (bool train in new[] { true, false })
        {
            double bytes = AllocationProbe.BytesPerCall(steps, s => session.Step(x, ys, null, order, s * batch, (s + 1) * batch, train));
            Assert.True(bytes == 0, $"a steady-state {(train ? "train" : "test")} step with two inputs and outputs allocated {bytes:F1} bytes");
        }
    }

    [Fact]
    public void SteadyStateStep_AllocatesNothing_AtAnyBatchSize()
    {
        var (model, loss, optimizer, metrics, x, y) = Configuration("logits-sgd");
        model.Compile(optimizer: optimizer, loss: loss, metrics: metrics);
        Assert.Equal(0, BytesPerStep(model, x, y, batch: 256));
        Assert.Equal(0, BytesPerStep(model, x, y, batch: 16)); // other shapes: new arrays once, then none again
    }

    [Fact]
    public void TheProbeReportsAnAllocationMadeOnEveryCall()
    {
        // the least of several windows must not hide what every call allocates: a byte[100] is 24 + 100 → 128 bytes
        var kept = new byte[8][];
        double bytes = AllocationProbe.BytesPerCall(8, i => kept[i] = new byte[100]);
        Assert.Equal(128, bytes);
    }

    [Fact]
    public void RepeatedFitCalls_ReuseTheModelsStepArena()
    {
        var (model, loss, optimizer, _, x, y) = Configuration("logits-sgd");
        model.Compile(optimizer: optimizer, loss: loss);
        model.Fit(x, y, batchSize: 256, epochs: 1, verbose: 0, shuffle: false);
        long before = GC.GetAllocatedBytesForCurrentThread();
        model.Fit(x, y, batchSize: 256, epochs: 1, verbose: 0, shuffle: false);
        long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        // One step's activations and gradients alone are > 256 × (96 + 48 + 10) × 4 × 2 bytes ≈ 315 KB.
        Assert.True(bytes < 100_000, $"a second one-epoch Fit call allocated {bytes} bytes: the step storage was not reused");
    }

    [Fact]
    public void ShuffledEpochs_ReuseTheOrderArray()
    {
        const int N = 60_000; // the order alone is 240 KB a new array
        var x = Tensor.From([.. Enumerable.Range(0, N).Select(i => (float)(i % 7))]).Reshape([N, 1]);
        var y = Tensor.From([.. Enumerable.Range(0, N).Select(i => (float)(i % 7) * 2)]);
        var model = new Sequential([new Dense(1, inputShape: [1])]);
        model.Compile(optimizer: "sgd", loss: "mse");
        model.Fit(x, y, batchSize: 2000, epochs: 1, verbose: 0);
        long before = GC.GetAllocatedBytesForCurrentThread();
        model.Fit(x, y, batchSize: 2000, epochs: 3, verbose: 0);
        long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(bytes < N * sizeof(int), $"a three-epoch shuffled Fit allocated {bytes} bytes: the order array is not reused");
    }
}
