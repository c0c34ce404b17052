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
}
