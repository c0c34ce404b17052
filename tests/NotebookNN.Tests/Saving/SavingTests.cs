using NotebookNN.Tests.Support;
using System.IO.Compression;
using NotebookNN.Callbacks;
using NotebookNN.Layers;
using NotebookNN.Optimizers;
using NotebookNN.Tests.Functional;

namespace NotebookNN.Tests.Saving;

using KerasModels = global::NotebookNN.Keras.Models;   // NotebookNN.Tests.Models (a test namespace) hides the static class here

/// <summary>A layer whose config cannot be written: saving a model holding it fails after the weights were written.</summary>
public class Unsaveable : Layer
{
    public override Tensor Call(Tensor inputs, bool training = false) => inputs;
    public override Dictionary<string, object?> GetConfig() => throw new InvalidOperationException("config unavailable");
}

/// <summary>Save / load of whole models and weights: bit-exact predictions, identical resumed training, atomic writes, bad files.</summary>
public sealed class SavingTests : TempFolderTests
{

    private static (Tensor X, Tensor Y) Data(int n, int seed) =>
        (Tensor.RandomNormal(new Shape(n, 4), seed: seed), Tensor.From(Enumerable.Range(0, n).Select(i => (float)(i % 3)).ToArray()));

    private static Sequential Mlp() => new([new Dense(8, activation: "relu", inputShape: [4]), new Dropout(0.2), new Dense(3, activation: "softmax")]);

    private static void AssertSameWeights(Model a, Model b)
    {
        var wa = a.GetWeights();
        var wb = b.GetWeights();
        Assert.Equal(wa.Count, wb.Count);
        for (int i = 0; i < wa.Count; i++) Assert.Equal(wa[i].ToArray(), wb[i].ToArray());
    }

    [Fact]
    public void SequentialRoundTripPredictsBitForBitAndResumesTrainingIdentically()
    {
        var (x, y) = Data(60, 1);
        var model = Mlp();
        model.Compile(new Adam(learningRate: 0.01), "sparse_categorical_crossentropy", ["accuracy"]);
        model.Fit(x, y, batchSize: 16, epochs: 2, verbose: 0);
        var path = PathOf("mlp.keras");
        model.Save(path);
        var loaded = KerasModels.LoadModel(path);

        Assert.IsType<Sequential>(loaded);
        Assert.Equal(model.Summary().ToString(), loaded.Summary().ToString());
        Assert.Equal(model.Predict(x, verbose: 0).ToArray(), loaded.Predict(x, verbose: 0).ToArray());
        Assert.Equal(model.Optimizer!.Iterations, loaded.Optimizer!.Iterations);

        // Each layer and model draws its random stream (dropout masks, shuffles) from the global seed when it is
        // constructed, as in Keras 3; so a loaded copy made after the same seed resumes training the same way every time.
        Utils.SetRandomSeed(9);
        var h1 = KerasModels.LoadModel(path).Fit(x, y, batchSize: 16, epochs: 3, verbose: 0);
        Utils.SetRandomSeed(9);
        var again = KerasModels.LoadModel(path);
        var h2 = again.Fit(x, y, batchSize: 16, epochs: 3, verbose: 0);
        Assert.Equal(h1.History.Keys, h2.History.Keys);
        Assert.Equal(h1.History["loss"], h2.History["loss"]);
        Assert.Equal(h1.History["accuracy"], h2.History["accuracy"]);

        // Control: the same weights with a fresh Adam (no moments, step 0) train differently, so the state mattered.
        Utils.SetRandomSeed(9);
        var fresh = KerasModels.LoadModel(path, compile: false);
        Assert.False(fresh.IsCompiled);
        fresh.Compile(new Adam(learningRate: 0.01), "sparse_categorical_crossentropy", ["accuracy"]);
        var h3 = fresh.Fit(x, y, batchSize: 16, epochs: 3, verbose: 0);
        Utils.SetRandomSeed(9);
        var restored = KerasModels.LoadModel(path);
        var h4 = restored.Fit(x, y, batchSize: 16, epochs: 3, verbose: 0);
        Assert.Equal(h2.History["loss"], h4.History["loss"]);
        AssertSameWeights(again, restored);
        Assert.NotEqual(h4.History["loss"], h3.History["loss"]);
    }

    [Fact]
    public void FunctionalWideAndDeepRoundTripsWithBothOutputsAndResumes()
    {
        var (x, y) = WideAndDeepData.Make(48, seed: 3);
        var xs = WideAndDeepData.Split(x);
        var model = WideAndDeepData.Functional();
        model.Compile(new RMSprop(learningRate: 0.002, momentum: 0.5), loss: ["mse", "mae"], lossWeights: [0.9, 0.1], metrics: ["mae"]);
        model.Fit(xs, [y, y], batchSize: 16, epochs: 2, verbose: 0);
        var path = PathOf("wide_deep.keras");
        model.Save(path);
        var loaded = KerasModels.LoadModel(path);

        Assert.True(loaded.IsFunctional);
        Assert.Equal(model.InputNames, loaded.InputNames);
        Assert.Equal(model.OutputNames, loaded.OutputNames);
        Assert.Equal(model.Summary().ToString(), loaded.Summary().ToString());
        var p1 = model.Predict(xs, verbose: 0);
        var p2 = loaded.Predict(xs, verbose: 0);
        Assert.Equal(p1[0].ToArray(), p2[0].ToArray());
        Assert.Equal(p1[1].ToArray(), p2[1].ToArray());

        var h1 = model.Fit(xs, [y, y], batchSize: 16, epochs: 2, verbose: 0, shuffle: false);
        var h2 = loaded.Fit(xs, [y, y], batchSize: 16, epochs: 2, verbose: 0, shuffle: false);
        Assert.Equal(h1.History["loss"], h2.History["loss"]);
        Assert.Equal(h1.History["aux_output_mae"], h2.History["aux_output_mae"]);
        AssertSameWeights(model, loaded);
    }

    [Fact]
    public void SharedAndNestedLayersRoundTrip()
    {
        var a = new Input(shape: [4]);
        var b = new Input(shape: [4]);
        var shared = new Dense(3, activation: "tanh");
        var inner = new Sequential([new Dense(2, inputShape: [3])]);
        var merged = new Concatenate().Call(inner.Call(shared.Call(a)), new Reshape([3]).Call(shared.Call(b)));
        var model = new Model([a, b], new Dense(1).Call(merged));
        var path = PathOf("shared.keras");
        model.Save(path);
        var loaded = KerasModels.LoadModel(path);
        var xs = new[] { Tensor.RandomNormal(new Shape(5, 4), seed: 1), Tensor.RandomNormal(new Shape(5, 4), seed: 2) };
        Assert.Equal(model.Predict(xs, verbose: 0)[0].ToArray(), loaded.Predict(xs, verbose: 0)[0].ToArray());
        Assert.Equal(model.Weights.Count, loaded.Weights.Count);
        Assert.False(loaded.IsCompiled);
    }

    [Fact]
    public void CustomLayersLoadThroughTheRegistryAndUnknownOnesAreRefused()
    {
        var input = new Input(shape: [3]);
        var model = new Model(input, new ScaledLinear(2, name: "scaled").Call(input));
        var path = PathOf("custom.keras");
        model.Save(path);
        var ex = Assert.Throws<ArgumentException>(() => KerasModels.LoadModel(path));
        Assert.Contains("Unknown layer: 'ScaledLinear'", ex.Message);
        var loaded = KerasModels.LoadModel(path, customObjects: [typeof(ScaledLinear)]);
        var x = Tensor.RandomNormal(new Shape(2, 3), seed: 4);
        Assert.Equal(model.Predict(x, verbose: 0).ToArray(), loaded.Predict(x, verbose: 0).ToArray());
        Assert.Equal(2, loaded.Summary().NonTrainableParams);
    }

    [Fact]
    public void AnInterruptedSaveLeavesThePreviousFileIntact()
    {
        var (x, _) = Data(5, 2);
        var good = Mlp();
        var path = PathOf("model.keras");
        good.Save(path);
        var before = File.ReadAllBytes(path);
        var bad = new Sequential([new Dense(3, inputShape: [4]), new Unsaveable()]);
        Assert.Throws<InvalidOperationException>(() => bad.Save(path));
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(Folder));   // no temp file left behind
        Assert.Equal(good.Predict(x, verbose: 0).ToArray(), KerasModels.LoadModel(path).Predict(x, verbose: 0).ToArray());
    }

    [Fact]
    public void TruncatedAndForeignFilesAreRefusedClearly()
    {
        var path = PathOf("m.keras");
        Mlp().Save(path);
        var bytes = File.ReadAllBytes(path);
        var truncated = PathOf("truncated.keras");
        File.WriteAllBytes(truncated, bytes[..(bytes.Length / 2)]);
        var t = Assert.Throws<InvalidDataException>(() => KerasModels.LoadModel(truncated));
        Assert.Contains("not a complete zip archive", t.Message);

        var text = PathOf("notes.txt");
        File.WriteAllText(text, "hello");
        Assert.Throws<InvalidDataException>(() => KerasModels.LoadModel(text));

        var foreign = PathOf("foreign.zip");
        using (var zip = ZipFile.Open(foreign, ZipArchiveMode.Create)) zip.CreateEntry("model.weights.h5");
        var f = Assert.Throws<InvalidDataException>(() => KerasModels.LoadModel(foreign));
        Assert.Contains("'metadata.json' is missing", f.Message);

        var weightsOnly = PathOf("w.weights");
        Mlp().SaveWeights(weightsOnly);
        Assert.Contains("holds only weights", Assert.Throws<InvalidDataException>(() => KerasModels.LoadModel(weightsOnly)).Message);
        Assert.Throws<FileNotFoundException>(() => KerasModels.LoadModel(PathOf("absent.keras")));
    }

    [Fact]
    public void DamagedWeightEntryIsRefused()
    {
        var path = PathOf("m.keras");
        Mlp().Save(path);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            zip.GetEntry("weights/00000.npy")!.Delete();
            using var s = zip.CreateEntry("weights/00000.npy").Open();
            s.Write(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0, 10, 0 });
        }
        var ex = Assert.Throws<InvalidDataException>(() => KerasModels.LoadModel(path));
        Assert.Contains("weights/00000.npy", ex.Message);
    }

    [Theory]
    [InlineData("\"layers\"", "\"layerz\"")]          // a key the loader needs is gone
    [InlineData("\"class_name\": \"Dense\"", "\"class_name\": 7")] // a value of the wrong kind
    public void AConfigThatParsesButIsNotAModelIsRefusedAsDamaged(string from, string to)
    {
        var path = PathOf("m.keras");
        Mlp().Save(path);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry("config.json")!;
            string json;
            using (var r = new StreamReader(entry.Open())) json = r.ReadToEnd();
            Assert.Contains(from, json);
            entry.Delete();
            using var w = new StreamWriter(zip.CreateEntry("config.json").Open());
            w.Write(json.Replace(from, to));
        }
        var ex = Assert.Throws<InvalidDataException>(() => KerasModels.LoadModel(path));
        Assert.StartsWith($"File '{path}' is damaged: its config.json does not describe a model as Save writes it (", ex.Message);
    }

    [Fact]
    public void SaveWeightsLoadWeightsAndCloneModel()
    {
        var (x, _) = Data(6, 5);
        var model = Mlp();
        var path = PathOf("mlp.weights");
        model.SaveWeights(path);
        var twin = Mlp();
        Assert.NotEqual(model.Predict(x, verbose: 0).ToArray(), twin.Predict(x, verbose: 0).ToArray());
        twin.LoadWeights(path);
        Assert.Equal(model.Predict(x, verbose: 0).ToArray(), twin.Predict(x, verbose: 0).ToArray());
        var other = new Sequential([new Dense(2, inputShape: [4])]);
        Assert.Contains("Weight count mismatch", Assert.Throws<ArgumentException>(() => other.LoadWeights(path)).Message);

        var clone = KerasModels.CloneModel(model);
        Assert.Equal(model.Summary().Rows, clone.Summary().Rows);
        Assert.DoesNotContain(clone.Weights, w => model.Weights.Contains(w));
        clone.SetWeights(model.GetWeights());
        Assert.Equal(model.Predict(x, verbose: 0).ToArray(), clone.Predict(x, verbose: 0).ToArray());
    }

    [Fact]
    public void SubclassedModelsAndLambdasSaveOnlyWeights()
    {
        var sub = new ResidualStack();
        sub.Predict(Tensor.RandomNormal(new Shape(2, 4), seed: 1), verbose: 0);
        Assert.Throws<NotSupportedException>(() => sub.Save(PathOf("sub.keras")));
        sub.SaveWeights(PathOf("sub.weights"));
        var again = new ResidualStack();
        again.Predict(Tensor.RandomNormal(new Shape(2, 4), seed: 1), verbose: 0);
        again.LoadWeights(PathOf("sub.weights"));
        AssertSameWeights(sub, again);
        var input = new Input(shape: [2]);
        var lambda = new Model(input, new Lambda(t => t * 2f).Call(input));
        Assert.Throws<NotSupportedException>(() => lambda.Save(PathOf("lambda.keras")));
    }

    [Fact]
    public void WeightEntriesAreNumpyNpyFiles()
    {
        var path = PathOf("m.keras");
        var model = Mlp();
        model.Save(path);
        using var zip = ZipFile.OpenRead(path);
        using var s = new MemoryStream();
        zip.GetEntry("weights/00000.npy")!.Open().CopyTo(s);
        var bytes = s.ToArray();
        Assert.Equal(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0 }, bytes[..8]);
        int headerLength = bytes[8] | bytes[9] << 8;
        Assert.Equal(0, (10 + headerLength) % 64);
        var header = System.Text.Encoding.ASCII.GetString(bytes, 10, headerLength);
        Assert.StartsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (4, 8), }", header);
        Assert.EndsWith("\n", header);
        var kernel = model.Weights[0].ToArray();
        Assert.Equal(kernel.Length * 4, bytes.Length - 10 - headerLength);
        Assert.Equal(kernel[5], BitConverter.ToSingle(bytes, 10 + headerLength + 20));
    }

    [Fact]
    public void ModelCheckpointKeepsTheBestModelAndNamesFilesByEpoch()
    {
        var (x, y) = Data(40, 6);
        var (xv, yv) = Data(20, 7);
        var model = Mlp();
        model.Compile(new SGD(learningRate: 0.5), "sparse_categorical_crossentropy");
        var best = PathOf("best.keras");
        var h = model.Fit(x, y, epochs: 6, verbose: 0, validationData: (xv, yv), callbacks:
        [
            new ModelCheckpoint(best, monitor: "val_loss", saveBestOnly: true),
            new ModelCheckpoint(PathOf("w-{epoch:02d}-{val_loss:.3f}.weights"), saveWeightsOnly: true),
        ]);
        var losses = h.History["val_loss"];
        var bestModel = KerasModels.LoadModel(best);
        Assert.Equal(losses.Min(), bestModel.Evaluate(xv, yv, verbose: 0).Loss, 5e-6);
        for (int e = 0; e < 6; e++)
            Assert.True(File.Exists(PathOf($"w-{e + 1:00}-{losses[e].ToString("F3", System.Globalization.CultureInfo.InvariantCulture)}.weights")));
    }
}
