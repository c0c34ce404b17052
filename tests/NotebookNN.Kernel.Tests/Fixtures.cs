namespace NotebookNN.Kernel.Tests;

/// <summary>Cells the tests share: a tiny model (XOR) trained silently, and a two-trial search on it.</summary>
internal static class Fixtures
{
    public const string TinyModel = """
        using NotebookNN; using NotebookNN.Layers;
        Utils.SetRandomSeed(1);
        var x = Tensor.From(new float[,] { { 0, 0 }, { 0, 1 }, { 1, 0 }, { 1, 1 } });
        var y = Tensor.From(new float[] { 0, 1, 1, 0 });
        var model = new Sequential([new Dense(8, activation: "relu", inputShape: [2]), new Dense(1, activation: "sigmoid")]);
        model.Compile(loss: "binary_crossentropy", optimizer: "adam", metrics: ["accuracy"]);
        var history = model.Fit(x, y, epochs: 3, verbose: 0);
        """;

    public const string TinySearch = """
        Model Build(HyperParameters hp)
        {
            var m = new Sequential([new Dense(hp.Int("units", 2, 8), activation: "relu", inputShape: [2]), new Dense(1, activation: "sigmoid")]);
            return m.Compile(loss: "binary_crossentropy", optimizer: "adam");
        }
        var tuner = new RandomSearch(Build, objective: "loss", maxTrials: 2, seed: 1);
        tuner.Search(x, y, epochs: 2, verbose: 0);
        """;

    /// <summary>
    /// A Fit with verbose 1 of a second or more an epoch on two cores (8,000 samples, batch 8: 1,000 steps of a
    /// 64-256-256-10 network), long enough for the progress display to redraw within each epoch.
    /// </summary>
    public static string SlowFit(int epochs) => $$"""
        var xs = Tensor.RandomNormal([8000, 64], seed: 1);
        var ys = Tensor.From(Enumerable.Range(0, 8000).Select(i => (float)(i % 10)).ToArray());
        var slow = new Sequential([new Dense(256, activation: "relu", inputShape: [64]), new Dense(256, activation: "relu"), new Dense(10, activation: "softmax")]);
        slow.Compile(loss: "sparse_categorical_crossentropy", optimizer: "adam", metrics: ["accuracy"]);
        slow.Fit(xs, ys, epochs: {{epochs}}, batchSize: 8, verbose: 1);
        """;
}
