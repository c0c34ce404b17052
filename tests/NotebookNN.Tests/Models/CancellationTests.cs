using Microsoft.DotNet.Interactive.Formatting;
using NotebookNN.Callbacks;
using NotebookNN.Formatting;
using NotebookNN.Layers;
using NotebookNN.Optimizers;
using NotebookNN.Tests.Support;
using NotebookNN.Tests.Tuning;
using NotebookNN.Display;

namespace NotebookNN.Tests.Models;

/// <summary>
/// The notebook's stop button (<see cref="DisplayHook.Cancellation"/>): Fit, Evaluate, Predict and tuner searches stop
/// between two steps with a <see cref="KeyboardInterruptException"/>, the model keeping the weights and optimizer state
/// of exactly the steps that finished (checked against an uninterrupted run of that many steps from the same weights),
/// and run again afterwards.
/// </summary>
[Collection("DisplayHook")]
public class CancellationTests
{
    private const int Samples = 320, Batch = 32, Steps = Samples / Batch;

    private static (Tensor X, Tensor Y) Data()
    {
        var x = Tensor.From(Enumerable.Range(0, Samples * 4).Select(i => (float)Math.Sin(0.7 * i)).ToArray(), new Shape(Samples, 4));
        var y = Tensor.From(Enumerable.Range(0, Samples).Select(i => (float)(i % 3)).ToArray(), new Shape(Samples));
        return (x, y);
    }

    /// <summary>Two models with the same weights, Adam and accuracy (so the optimizer has state to keep consistent).</summary>
    private static (Sequential, Sequential) Twins()
    {
        Sequential Make()
        {
            var m = new Sequential([new Dense(8, activation: "relu", inputShape: [4]), new Dense(3, activation: "softmax")]);
            m.Compile(optimizer: new Adam(0.01), loss: "sparse_categorical_crossentropy", metrics: ["accuracy"]);
            return m;
        }
        var (a, b) = (Make(), Make());
        b.SetWeights(a.GetWeights());
        return (a, b);
    }

    private static void AssertSameWeights(Model expected, Model actual)
    {
        var (e, a) = (expected.GetWeights(), actual.GetWeights());
        Assert.Equal(e.Count, a.Count);
        for (int i = 0; i < e.Count; i++) Assert.Equal(e[i].ToArray(), a[i].ToArray());
        Assert.Equal(expected.Optimizer!.Iterations, actual.Optimizer!.Iterations);
    }

    /// <summary>Presses stop after a given batch of a given epoch (or test / predict batch), and records the hooks run.</summary>
    private sealed class StopAt(NotebookStop stop, int epoch = -1, int batch = -1, int testBatch = -1, int predictBatch = -1) : Callback
    {
        private int _epoch;
        public bool TrainEnded { get; private set; }
        public override void OnEpochBegin(int epoch, IDictionary<string, double> logs) => _epoch = epoch;
        public override void OnTrainBatchEnd(int b, IDictionary<string, double> logs) { if (_epoch == epoch && b == batch) stop.Cancel(); }
        public override void OnTestBatchEnd(int b, IDictionary<string, double> logs) { if (b == testBatch) stop.Cancel(); }
        public override void OnPredictBatchEnd(int b, IDictionary<string, double> logs) { if (b == predictBatch) stop.Cancel(); }
        public override void OnTrainEnd(IDictionary<string, double> logs) => TrainEnded = true;
    }

    [Fact]
    public void Fit_stops_after_the_step_in_progress_keeps_its_weights_and_fits_again()
    {
        var (x, y) = Data();
        var (model, reference) = Twins();
        using var recorder = new RecordingDisplay();
        using var stop = new NotebookStop();
        var stopAt = new StopAt(stop, epoch: 1, batch: 3); // during the 4th step of the 2nd epoch
        var history = new History();
        var e = Assert.Throws<KeyboardInterruptException>(() =>
            model.Fit(x, y, batchSize: Batch, epochs: 5, shuffle: false, verbose: 1, callbacks: [stopAt, history]));
        Assert.Equal("KeyboardInterrupt: training stopped by the notebook at epoch 2/5, step 4/10; the model keeps the weights of the last finished step.", e.Message);
        Assert.IsAssignableFrom<OperationCanceledException>(e);
        Assert.Equal(stop.Token, e.CancellationToken);
        Assert.True(stopAt.TrainEnded); // callbacks finish: History holds the finished epoch
        Assert.Equal([0], history.Epoch);

        // the same steps without interruption (in the next cell): one epoch, then the first four batches
        stop.NextCell();
        reference.Fit(x, y, batchSize: Batch, epochs: 1, shuffle: false, verbose: 0);
        reference.Fit(x[..(4 * Batch)], y[..(4 * Batch)], batchSize: Batch, epochs: 1, shuffle: false, verbose: 0);
        AssertSameWeights(reference, model);

        // the display says so: the finished epoch's row and the message, in HTML and plain text
        var last = (LiveView)recorder.Single[^1];
        Assert.Contains("<td>1/5</td>", last.ToDisplayString("text/html"));
        Assert.DoesNotContain("<td>2/5</td>", last.ToDisplayString("text/html"));
        Assert.Contains(e.Message, last.ToDisplayString("text/html"));
        Assert.StartsWith("Epoch 1/5\n", last.Text);
        Assert.EndsWith("\n" + e.Message, last.Text);

        // the model fits on, as the reference does
        var again = model.Fit(x, y, batchSize: Batch, epochs: 1, shuffle: false, verbose: 0);
        reference.Fit(x, y, batchSize: Batch, epochs: 1, shuffle: false, verbose: 0);
        Assert.Single(again.Epoch);
        AssertSameWeights(reference, model);
    }

    [Fact]
    public void Fit_stopped_during_validation_keeps_the_epochs_trained_and_names_the_validation()
    {
        var (x, y) = Data();
        var (model, reference) = Twins();
        using var stop = new NotebookStop();
        var history = new History();
        var e = Assert.Throws<KeyboardInterruptException>(() => model.Fit(x, y, batchSize: Batch, epochs: 3, shuffle: false, verbose: 0,
            validationData: (x, y), callbacks: [new StopAt(stop, testBatch: 2), history]));
        Assert.Equal("KeyboardInterrupt: training stopped by the notebook at epoch 1/3, step 10/10 (during validation); the model keeps the weights of the last finished step.", e.Message);
        Assert.Empty(history.Epoch);
        stop.NextCell();
        reference.Fit(x, y, batchSize: Batch, epochs: 1, shuffle: false, verbose: 0);
        AssertSameWeights(reference, model);
    }

    [Fact]
    public void A_stop_pressed_before_fit_starts_trains_nothing()
    {
        var (x, y) = Data();
        var (model, reference) = Twins();
        using var stop = new NotebookStop();
        stop.Cancel();
        var e = Assert.Throws<KeyboardInterruptException>(() => model.Fit(x, y, batchSize: Batch, epochs: 2, verbose: 0));
        Assert.Contains("at epoch 1/2, step 0/10;", e.Message);
        AssertSameWeights(reference, model);
    }

    [Fact]
    public void Evaluate_and_predict_stop_between_steps_and_give_the_same_results_next_time()
    {
        var (x, y) = Data();
        var (model, _) = Twins();
        model.Fit(x, y, batchSize: Batch, epochs: 1, verbose: 0);
        var evaluation = model.Evaluate(x, y, batchSize: Batch, verbose: 0);
        var prediction = model.Predict(x, batchSize: Batch, verbose: 0).ToArray();
        using var recorder = new RecordingDisplay();
        using var stop = new NotebookStop();

        var e = Assert.Throws<KeyboardInterruptException>(() => model.Evaluate(x, y, batchSize: Batch, verbose: 1, callbacks: [new StopAt(stop, testBatch: 2)]));
        Assert.Equal("KeyboardInterrupt: evaluation stopped by the notebook at step 3/10; nothing was returned.", e.Message);
        Assert.EndsWith(e.Message, ((LiveView)recorder.Displays[^1][^1]).Text);
        stop.NextCell();
        Assert.Equal(evaluation.ToKerasList(), model.Evaluate(x, y, batchSize: Batch, verbose: 0).ToKerasList());

        e = Assert.Throws<KeyboardInterruptException>(() => model.Predict(x, batchSize: Batch, verbose: 1, callbacks: [new StopAt(stop, predictBatch: 6)]));
        Assert.Equal("KeyboardInterrupt: prediction stopped by the notebook at step 7/10; nothing was returned.", e.Message);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(e.Message), ((LiveView)recorder.Displays[^1][^1]).ToDisplayString("text/html"));
        stop.NextCell();
        Assert.Equal(prediction, model.Predict(x, batchSize: Batch, verbose: 0).ToArray());

        // a stop pressed before a Predict that would run in parallel lanes (verbose 0) ends it at once
        stop.Cancel();
        Assert.Throws<KeyboardInterruptException>(() => model.Predict(x, batchSize: Batch, verbose: 0));
    }

    [Fact]
    public async Task A_stop_pressed_from_another_thread_ends_fit_within_a_step()
    {
        var (x, y) = Data();
        var (model, _) = Twins();
        using var stop = new NotebookStop();
        using var reached = new ManualResetEventSlim();
        var button = Task.Run(() => { reached.Wait(); stop.Cancel(); });
        // at the 6th step of the 1st epoch, wait (at most 10 s) for the stop button pressed by the other thread
        var waiter = new WaitAtStep(5, reached, stop.Token);
        var e = Assert.Throws<KeyboardInterruptException>(() => model.Fit(x, y, batchSize: Batch, epochs: 100, verbose: 0, callbacks: [waiter]));
        await button;
        Assert.Contains("at epoch 1/100, step 6/10;", e.Message);
    }

    private sealed class WaitAtStep(int step, ManualResetEventSlim reached, CancellationToken token) : Callback
    {
        public override void OnTrainBatchEnd(int batch, IDictionary<string, double> logs)
        {
            if (batch != step) return;
            reached.Set();
            token.WaitHandle.WaitOne(TimeSpan.FromSeconds(10));
        }
    }

    [Fact]
    public void A_tuner_search_stops_in_a_trial_or_between_trials_keeps_the_finished_trials_and_resumes()
    {
        var (train, valid) = (ToyProblem.Data(64, 0), ToyProblem.Data(32, 1000));
        var tuner = new RandomSearch(ToyProblem.Build, objective: "val_loss", maxTrials: 4, seed: 42);
        using var stop = new NotebookStop();
        var trials = new TrialStop(stop, trial: 2, batch: 1); // in the second trial's first epoch, after its second step
        var e = Assert.Throws<KeyboardInterruptException>(() =>
            tuner.Search(train.X, train.Y, epochs: 3, batchSize: 16, validationData: valid, callbacks: [trials], verbose: 0));
        Assert.Equal("KeyboardInterrupt: training stopped by the notebook at epoch 1/3, step 2/4; the model keeps the weights of the last finished step.", e.Message);
        Assert.Single(tuner.Results);

        stop.NextCell();
        trials.Reset(trial: 1, batch: -1, atTrainEnd: true); // the next search's first trial finishes, then stop
        e = Assert.Throws<KeyboardInterruptException>(() =>
            tuner.Search(train.X, train.Y, epochs: 3, batchSize: 16, validationData: valid, callbacks: [trials], verbose: 0));
        Assert.Equal("KeyboardInterrupt: search stopped by the notebook after 2 finished trials; they are kept in the tuner's results.", e.Message);
        Assert.Equal(2, tuner.Results.Count);

        stop.NextCell();
        trials.Reset(trial: -1, batch: -1, atTrainEnd: false);
        tuner.Search(train.X, train.Y, epochs: 3, batchSize: 16, validationData: valid, callbacks: [trials], verbose: 0);
        Assert.Equal(4, tuner.Results.Count); // the whole space (2 × 2), each configuration once
        Assert.Equal(4, tuner.Results.Select(t => t.HyperParameters.Key).Distinct().Count());
        Assert.Equal(["00", "01", "02", "03"], tuner.Results.Select(t => t.TrialId).Order());
    }

    [Fact]
    public void Hyperband_stops_between_two_fits_of_a_round()
    {
        var (train, valid) = (ToyProblem.Data(64, 0), ToyProblem.Data(32, 1000));
        var tuner = new Hyperband(ToyProblem.Build, objective: "val_loss", maxEpochs: 9, factor: 3, seed: 42);
        using var stop = new NotebookStop();
        var trials = new TrialStop(stop, trial: 1, batch: -1);
        trials.Reset(trial: 1, batch: -1, atTrainEnd: true);
        var e = Assert.Throws<KeyboardInterruptException>(() =>
            tuner.Search(train.X, train.Y, batchSize: 16, validationData: valid, callbacks: [trials], verbose: 0));
        Assert.Equal("KeyboardInterrupt: search stopped by the notebook after 1 finished trial; they are kept in the tuner's results.", e.Message);
        Assert.Single(tuner.Results);
        Assert.Equal(1, trials.Fits);
    }

    /// <summary>Presses stop in the n-th Fit (1-based) it sees, after a batch or at its end.</summary>
    private sealed class TrialStop(NotebookStop stop, int trial, int batch) : Callback
    {
        private int _fits, _trial = trial, _batch = batch;
        private bool _atEnd;
        public void Reset(int trial, int batch, bool atTrainEnd) => (_fits, _trial, _batch, _atEnd) = (0, trial, batch, atTrainEnd);
        public int Fits => _fits;
        public override void OnTrainBegin(IDictionary<string, double> logs) => _fits++;
        public override void OnTrainBatchEnd(int b, IDictionary<string, double> logs) { if (_fits == _trial && b == _batch) stop.Cancel(); }
        public override void OnTrainEnd(IDictionary<string, double> logs) { if (_fits == _trial && _atEnd) stop.Cancel(); }
    }
}
