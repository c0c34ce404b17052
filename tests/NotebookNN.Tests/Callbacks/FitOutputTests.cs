using System.Text.RegularExpressions;
using NotebookNN.Callbacks;
using NotebookNN.Layers;
using NotebookNN.Tests.Support;

namespace NotebookNN.Tests.Callbacks;

/// <summary>
/// What Fit / Evaluate print at verbose 1, 2 and 0 (Keras 2's formats), captured from Console.Out. In the
/// non-parallel collection because Console.Out is process-wide.
/// </summary>
[Collection(KerasSessionCollection.Name)]
public class FitOutputTests
{
    private static string Capture(Action action)
    {
        var previous = Console.Out;
        var writer = new StringWriter();
        Console.SetOut(writer);
        try { action(); }
        finally { Console.SetOut(previous); }
        // On a terminal a line is redrawn with '\r'; keep what a reader sees last on each line.
        return string.Join("\n", writer.ToString().Replace("\r\n", "\n").Split('\n').Select(l => l[(l.LastIndexOf('\r') + 1)..]));
    }

    private static (Sequential, Tensor, Tensor) Setup()
    {
        var model = new Sequential().Add(new Dense(2, activation: "softmax", inputShape: [3]));
        model.Compile(optimizer: "sgd", loss: "sparse_categorical_crossentropy", metrics: ["accuracy"]);
        var x = Tensor.Ones(new Shape(100, 3));
        var y = Tensor.From(Enumerable.Range(0, 100).Select(i => (float)(i % 2)).ToArray());
        return (model, x, y);
    }

    // Keras 2 prints |v| > 1e-3 as %.4f, smaller as %.4e (0.0000e+00); times in s, ms or us.
    private const string Num = @"(\d+\.\d{4}|\d\.\d{4}e[+-]\d\d)";
    private const string Time = @"\d+(m|u)?s";

    [Fact]
    public void Verbose1PrintsEpochHeaderAndProgressBar()
    {
        var (model, x, y) = Setup();
        var h = default(History);
        var text = Capture(() => h = model.Fit(x, y, epochs: 2, validationData: (x, y), verbose: 1));
        var lines = text.Split('\n').Where(l => l.Length > 0).ToArray();
        Assert.Equal("Epoch 1/2", lines[0]);
        Assert.Matches(new Regex($@"^4/4 \[==============================\] - {Time} {Time}/step - loss: {Num} - accuracy: {Num} - val_loss: {Num} - val_accuracy: {Num}$"), lines[1]);
        Assert.Equal("Epoch 2/2", lines[2]);
        Assert.Contains($"loss: {h!.History["loss"][1].ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture)} ", lines[3]);
        Assert.Equal(4, lines.Length);
    }

    [Fact]
    public void Verbose2PrintsOneLinePerEpoch()
    {
        var (model, x, y) = Setup();
        var text = Capture(() => model.Fit(x, y, epochs: 2, verbose: 2));
        var lines = text.Split('\n').Where(l => l.Length > 0).ToArray();
        Assert.Equal("Epoch 1/2", lines[0]);
        Assert.Matches(new Regex($@"^4/4 - {Time} - loss: {Num} - accuracy: {Num} - {Time}/epoch - {Time}/step$"), lines[1]);
        Assert.Equal(4, lines.Length);
    }

    [Fact]
    public void SingleEpochHasNoHeaderAndVerbose0IsSilent()
    {
        var (model, x, y) = Setup();
        var one = Capture(() => model.Fit(x, y, epochs: 1, verbose: 1)).Split('\n').Where(l => l.Length > 0).ToArray();
        Assert.Single(one);
        Assert.StartsWith("4/4 [", one[0]);
        Assert.Equal("", Capture(() => model.Fit(x, y, epochs: 3, verbose: 0)).Trim());
        Assert.Equal("", Capture(() => model.Evaluate(x, y, verbose: 0)).Trim());
    }

    [Fact]
    public void EvaluatePrintsItsOwnBar()
    {
        var (model, x, y) = Setup();
        var lines = Capture(() => model.Evaluate(x, y, batchSize: 50)).Split('\n').Where(l => l.Length > 0).ToArray();
        Assert.Single(lines);
        Assert.Matches(new Regex($@"^2/2 \[==============================\] - {Time} {Time}/step - loss: {Num} - accuracy: {Num}$"), lines[0]);
    }

    [Fact]
    public void PredictPrintsABarByDefaultAsKeras2()
    {
        var (model, x, _) = Setup();
        Assert.Equal("", Capture(() => model.Predict(x, verbose: 0)).Trim());
        Assert.Matches(new Regex($@"^4/4 \[==============================\] - {Time} {Time}/step$"), Capture(() => model.Predict(x)).Trim());
        var lines = Capture(() => model.Predict(x, batchSize: 40, verbose: 1)).Split('\n').Where(l => l.Length > 0).ToArray();
        Assert.Single(lines);
        Assert.Matches(new Regex($@"^3/3 \[==============================\] - {Time} {Time}/step$"), lines[0]);
        var two = Capture(() => model.Predict(x, batchSize: 40, verbose: 2)).Split('\n').Where(l => l.Length > 0).ToArray();
        Assert.Matches(new Regex($@"^3/3 - {Time} - {Time}/epoch - {Time}/step$"), Assert.Single(two));
    }

    [Fact]
    public void CallbackMessages()
    {
        var (model, x, y) = Setup();
        var text = Capture(() => model.Fit(x, y, epochs: 5, verbose: 0, callbacks:
            [new EarlyStopping(monitor: "loss", minDelta: 10, patience: 1, verbose: 1), new LearningRateScheduler((e, lr) => 0.01, verbose: 1)]));
        Assert.Contains("Epoch 1: LearningRateScheduler setting learning rate to 0.01.", text);
        Assert.Contains("Epoch 2: early stopping", text);
    }

    [Fact]
    public void CallbackMessagesComeBeforeTheBarAsInKeras2()
    {
        var (model, x, y) = Setup();
        var text = Capture(() => model.Fit(x, y, epochs: 2, verbose: 1, callbacks:
            [new LearningRateScheduler((e, lr) => 0.01, verbose: 1), new EarlyStopping(monitor: "loss", minDelta: 10, patience: 1, verbose: 1, restoreBestWeights: true)]));
        var lines = text.Split('\n').Where(l => l.Length > 0).ToArray();
        Assert.Equal("Epoch 1: LearningRateScheduler setting learning rate to 0.01.", lines[0]);
        Assert.Equal("Epoch 1/2", lines[1]);
        Assert.StartsWith("4/4 [", lines[2]);
        Assert.EndsWith(" - lr: 0.0100", lines[2]); // Keras 2's bar shows the rate a scheduler logs
        Assert.Equal("Epoch 2: LearningRateScheduler setting learning rate to 0.01.", lines[3]);
        Assert.Equal("Epoch 2/2", lines[4]);
        Assert.Equal("Restoring model weights from the end of the best epoch: 1.", lines[5]);
        Assert.StartsWith("4/4 [", lines[6]);
        Assert.Equal("Epoch 2: early stopping", lines[7]);
    }

    [Fact]
    public void LearningRateMessagesPrintLikePython()
    {
        var (model, x, y) = Setup();
        var text = Capture(() => model.Fit(x, y, epochs: 3, verbose: 0, callbacks:
        [
            new LearningRateScheduler((e, lr) => e == 0 ? 1e-5 : e == 1 ? 1.0 : 0.1, verbose: 1),
            new ReduceLROnPlateau(monitor: "loss", factor: 0.1, patience: 0, minDelta: 100, verbose: 1),
        ]));
        Assert.Contains("Epoch 1: LearningRateScheduler setting learning rate to 1e-05.", text);
        Assert.Contains("Epoch 2: LearningRateScheduler setting learning rate to 1.0.", text);
        // float32 0.1 · 0.1 prints as numpy does, not as 0.010000000000000002.
        Assert.Contains("Epoch 3: ReduceLROnPlateau reducing learning rate to 0.01.", text);
    }
    [Fact]
    public void ModelCheckpointPrintsAndNamesLikeKeras()
    {
        // Keras: f"... improved from {self.best:.5f} to {current:.5f}, saving model to {filepath}", the path from
        // str.format: {val_loss:.2f} rounds the binary value half-to-even (0.125 → 0.12), {loss} is Python's str(float).
        var checkpoint = new ModelCheckpoint("w-{epoch:02d}-{val_loss:.2f}-{loss}.weights.h5", saveBestOnly: true, saveWeightsOnly: true);
        Assert.Equal("w-03-0.12-1.0.weights.h5", checkpoint.FormatPath(3, new Dictionary<string, double> { ["val_loss"] = 0.125, ["loss"] = 1.0 }));
        var (model, x, y) = Setup();
        string dir = Path.Combine(Path.GetTempPath(), "nnn-checkpoint-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string path = Path.Combine(dir, "best.weights.h5");
            History? h = null;
            var text = Capture(() => h = model.Fit(x, y, epochs: 1, validationData: (x, y), verbose: 0,
                callbacks: [new ModelCheckpoint(path, saveBestOnly: true, saveWeightsOnly: true, verbose: 1)]));
            string best = h!.History["val_loss"][0].ToString("F5", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains($"Epoch 1: val_loss improved from inf to {best}, saving model to {path}", text);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
