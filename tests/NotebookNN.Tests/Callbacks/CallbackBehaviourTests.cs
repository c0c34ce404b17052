using NotebookNN.Callbacks;
using NotebookNN.Layers;
using NotebookNN.Optimizers;

namespace NotebookNN.Tests.Callbacks;

/// <summary>
/// Callbacks driven with scripted epoch logs (so the expected stop epoch follows from Keras's rules by hand), and
/// a user subclass that records Keras's hook order through Fit.
/// </summary>
public class CallbackBehaviourTests
{
    private static Sequential SmallModel(double lr = 0.1)
    {
        var m = new Sequential().Add(new Dense(1, inputShape: [2]));
        m.Compile(optimizer: new SGD(lr), loss: "mse");
        return m;
    }

    /// <summary>Feeds <paramref name="values"/> as epoch-end logs until the callback stops training; returns the epoch it stopped at (or -1).</summary>
    private static int Drive(Callback cb, Model model, string key, params double[] values)
    {
        model.StopTraining = false;
        cb.SetModel(model);
        cb.OnTrainBegin(new Dictionary<string, double>());
        for (int e = 0; e < values.Length; e++)
        {
            cb.OnEpochBegin(e, new Dictionary<string, double>());
            cb.OnEpochEnd(e, new Dictionary<string, double> { [key] = values[e] });
            if (model.StopTraining) return e;
        }
        return -1;
    }

    [Fact]
    public void EarlyStoppingPatience()
    {
        var m = SmallModel();
        // best 0.9 at epoch 1; epochs 2 and 3 do not improve → wait reaches 2 at epoch 3.
        Assert.Equal(3, Drive(new EarlyStopping(patience: 2), m, "val_loss", 1.0, 0.9, 0.95, 0.93, 0.5));
        Assert.Equal(2, Drive(new EarlyStopping(patience: 0), m, "val_loss", 1.0, 0.9, 0.95));
        Assert.Equal(-1, Drive(new EarlyStopping(patience: 1), m, "val_loss", 1.0, 0.9, 0.8, 0.7));
    }

    [Fact]
    public void EarlyStoppingMinDeltaAndMode()
    {
        var m = SmallModel();
        // 0.97 and 0.96 are within min_delta 0.05 of 1.0 → no improvement.
        Assert.Equal(2, Drive(new EarlyStopping(minDelta: 0.05, patience: 2), m, "val_loss", 1.0, 0.97, 0.96, 0.5));
        // accuracy is maximised in auto mode.
        Assert.Equal(-1, Drive(new EarlyStopping(monitor: "val_accuracy", patience: 1), m, "val_accuracy", 0.5, 0.6, 0.7));
        Assert.Equal(2, Drive(new EarlyStopping(monitor: "val_accuracy", patience: 1), m, "val_accuracy", 0.5, 0.6, 0.4));
        // mode "max" forces maximising for a loss-like name.
        Assert.Equal(1, Drive(new EarlyStopping(monitor: "loss", mode: "max", patience: 1), m, "loss", 1.0, 0.5));
        Assert.Throws<ArgumentException>(() => new EarlyStopping(mode: "up"));
    }

    [Fact]
    public void EarlyStoppingBaselineMustBeBeaten()
    {
        var m = SmallModel();
        Assert.Equal(1, Drive(new EarlyStopping(patience: 2, baseline: 0.5), m, "val_loss", 1.0, 1.0, 1.0));
        Assert.Equal(2, Drive(new EarlyStopping(patience: 2), m, "val_loss", 1.0, 1.0, 1.0));
    }

    [Fact]
    public void EarlyStoppingRestoresBestWeightsThroughFit()
    {
        var m = SmallModel(lr: 0.05);
        var x = Tensor.From(new float[] { 1, 2, 3, 4, -1, 0.5f, 2, -2 }, new Shape(4, 2));
        var y = Tensor.From(new float[] { 1, 2, 3, 4 }, new Shape(4, 1));
        var snapshots = new List<float[]>();
        // Scripted monitor: best at epoch 1, then worse; the callback must put epoch 1's weights back.
        double[] script = [3, 1, 2, 2.5, 4];
        var inject = new LambdaCallback(onEpochEnd: (e, logs) => { logs["score"] = script[e]; snapshots.Add(m.GetWeights()[0].ToArray()); });
        var es = new EarlyStopping(monitor: "score", patience: 2, restoreBestWeights: true);
        var h = m.Fit(x, y, epochs: 5, batchSize: 2, shuffle: false, verbose: 0, callbacks: [inject, es]);
        Assert.Equal([0, 1, 2, 3], h.Epoch);
        Assert.Equal(3, es.StoppedEpoch);
        Assert.Equal(1, es.BestEpoch);
        Assert.Equal(snapshots[1], m.GetWeights()[0].ToArray());
        Assert.NotEqual(snapshots[3], snapshots[1]);
    }

    [Fact]
    public void AHistoryKeyThatWasNotLoggedNamesTheOnesThatWere()
    {
        var m = new Sequential().Add(new Dense(2, activation: "softmax", inputShape: [2]));
        m.Compile(optimizer: "sgd", loss: "sparse_categorical_crossentropy", metrics: ["accuracy"]);
        var x = Tensor.From(new float[] { 1, 2, 3, 4, -1, 0.5f, 2, -2 }, new Shape(4, 2));
        var y = Tensor.From([0f, 1, 1, 0]);
        var h = m.Fit(x, y, epochs: 2, validationData: (x, y), verbose: 0);
        Assert.Equal(2, h.History["val_accuracy"].Count);
        var e = Assert.Throws<KeyNotFoundException>(() => h.History["val_acc"]);
        Assert.Equal("No history named 'val_acc'. Available: loss, accuracy, val_loss, val_accuracy. Metrics are logged under the name "
            + "given to Compile: this model has 'val_accuracy'.", e.Message);
        Assert.Equal("No history named 'mae'. Available: loss, accuracy, val_loss, val_accuracy.", Assert.Throws<KeyNotFoundException>(() => h.History["mae"]).Message);
        h.History["extra"] = [1.0]; // still a dictionary that callbacks can write to
        Assert.Equal([1.0], h.History["extra"]);
    }

    [Fact]
    public void ReduceLROnPlateauCutsAfterPatienceThenCoolsDown()
    {
        var m = SmallModel(lr: 0.1);
        var cb = new ReduceLROnPlateau(factor: 0.5, patience: 2, cooldown: 1, minLr: 0.02);
        cb.SetModel(m);
        cb.OnTrainBegin(new Dictionary<string, double>());
        double[] losses = [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0];
        var lrs = new List<double>();
        for (int e = 0; e < losses.Length; e++)
        {
            var logs = new Dictionary<string, double> { ["val_loss"] = losses[e] };
            cb.OnEpochEnd(e, logs);
            lrs.Add(Math.Round(m.Optimizer!.LearningRate, 6));
            Assert.True(logs.ContainsKey("lr"));
        }
        // Keras: e0 best; e1 wait 1; e2 wait 2 → 0.05, cooldown 1; e3 leaves cooldown (wait 0) and, no longer in
        // cooldown, counts wait 1; e4 wait 2 → 0.025; e5 wait 1; e6 → max(0.0125, min_lr 0.02); e7 wait 1.
        Assert.Equal([0.1, 0.1, 0.05, 0.05, 0.025, 0.025, 0.02, 0.02], lrs);
        // min_lr floors the rate.
        for (int e = 8; e < 20; e++) cb.OnEpochEnd(e, new Dictionary<string, double> { ["val_loss"] = 1.0 });
        Assert.Equal(0.02, m.Optimizer!.LearningRate, 5e-7);
    }

    [Fact]
    public void ReduceLROnPlateauRespectsMinDelta()
    {
        var m = SmallModel(lr: 0.1);
        var cb = new ReduceLROnPlateau(factor: 0.1, patience: 1, minDelta: 0.1);
        cb.SetModel(m);
        cb.OnTrainBegin(new Dictionary<string, double>());
        cb.OnEpochEnd(0, new Dictionary<string, double> { ["val_loss"] = 1.0 });
        cb.OnEpochEnd(1, new Dictionary<string, double> { ["val_loss"] = 0.95 }); // not 0.1 better
        Assert.Equal(0.01, m.Optimizer!.LearningRate, 5e-9);
    }

    private sealed class HookRecorder : Callback
    {
        public List<string> Calls { get; } = [];
        public override void OnTrainBegin(IDictionary<string, double> logs) => Calls.Add("train_begin");
        public override void OnTrainEnd(IDictionary<string, double> logs) => Calls.Add("train_end");
        public override void OnEpochBegin(int epoch, IDictionary<string, double> logs) => Calls.Add($"epoch_begin {epoch}");
        public override void OnEpochEnd(int epoch, IDictionary<string, double> logs) => Calls.Add($"epoch_end {epoch} [{string.Join(",", logs.Keys)}]");
        public override void OnTrainBatchBegin(int batch, IDictionary<string, double> logs) => Calls.Add($"train_batch_begin {batch}");
        public override void OnTrainBatchEnd(int batch, IDictionary<string, double> logs) => Calls.Add($"train_batch_end {batch}");
        public override void OnTestBegin(IDictionary<string, double> logs) => Calls.Add("test_begin");
        public override void OnTestEnd(IDictionary<string, double> logs) => Calls.Add("test_end");
        public override void OnTestBatchBegin(int batch, IDictionary<string, double> logs) => Calls.Add($"test_batch_begin {batch}");
        public override void OnTestBatchEnd(int batch, IDictionary<string, double> logs) => Calls.Add($"test_batch_end {batch}");
        public override void OnPredictBegin(IDictionary<string, double> logs) => Calls.Add("predict_begin");
        public override void OnPredictEnd(IDictionary<string, double> logs) => Calls.Add("predict_end");
        public override void OnPredictBatchBegin(int batch, IDictionary<string, double> logs) => Calls.Add($"predict_batch_begin {batch}");
        public override void OnPredictBatchEnd(int batch, IDictionary<string, double> logs) => Calls.Add($"predict_batch_end {batch}");
    }

    [Fact]
    public void UserCallbackSeesKerasHookOrder()
    {
        var m = SmallModel();
        var rec = new HookRecorder();
        var x = Tensor.Ones(new Shape(3, 2));
        var y = Tensor.Ones(new Shape(3, 1));
        m.Fit(x, y, batchSize: 2, epochs: 2, validationData: (x, y), verbose: 0, callbacks: [rec]);
        string[] epoch(int e) =>
        [
            $"epoch_begin {e}", "train_batch_begin 0", "train_batch_end 0", "train_batch_begin 1", "train_batch_end 1",
            "test_begin", "test_batch_begin 0", "test_batch_end 0", "test_batch_begin 1", "test_batch_end 1", "test_end",
            $"epoch_end {e} [loss,val_loss]",
        ];
        Assert.Equal(["train_begin", .. epoch(0), .. epoch(1), "train_end"], rec.Calls);
        Assert.Same(m, rec.Model);
        Assert.Equal(2, rec.Params["epochs"]);
        Assert.Equal(2, rec.Params["steps"]);

        rec.Calls.Clear();
        m.Evaluate(x, y, batchSize: 2, verbose: 0, callbacks: [rec]);
        Assert.Equal(["test_begin", "test_batch_begin 0", "test_batch_end 0", "test_batch_begin 1", "test_batch_end 1", "test_end"], rec.Calls);
        rec.Calls.Clear();
        m.Predict(x, batchSize: 2, callbacks: [rec]);
        Assert.Equal(["predict_begin", "predict_batch_begin 0", "predict_batch_end 0", "predict_batch_begin 1", "predict_batch_end 1", "predict_end"], rec.Calls);
    }

    [Fact]
    public void LambdaCallbackAndStopTrainingFromABatch()
    {
        var m = SmallModel();
        var events = new List<string>();
        var cb = new LambdaCallback(
            onTrainBegin: _ => events.Add("begin"),
            onEpochBegin: (e, _) => events.Add($"e{e}"),
            onBatchEnd: (b, logs) => { events.Add($"b{b}:{logs.ContainsKey("loss")}"); if (b == 1) m.StopTraining = true; },
            onEpochEnd: (e, _) => events.Add($"/e{e}"),
            onTrainEnd: _ => events.Add("end"));
        var h = m.Fit(Tensor.Ones(new Shape(10, 2)), Tensor.Ones(new Shape(10, 1)), batchSize: 2, epochs: 3, verbose: 0, callbacks: [cb]);
        Assert.Equal(["begin", "e0", "b0:True", "b1:True", "/e0", "end"], events);
        Assert.Equal([0], h.Epoch);
    }
}
