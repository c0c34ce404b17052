using Microsoft.DotNet.Interactive.Formatting;
using static System.FormattableString;
using NotebookNN.Callbacks;
using NotebookNN.Formatting;
using NotebookNN.Layers;
using NotebookNN.Tests.Support;
using NotebookNN.Text;
using NotebookNN.Display;

namespace NotebookNN.Tests.Callbacks;

/// <summary>
/// Fit's live notebook display keeps to a redraw budget: never more than 4 redraws a second, slower as the run goes on,
/// each interim update small, so the sum of every update a headless runner keeps (dotnet-repl appends each one) is
/// bounded whatever the number of epochs or the duration. Sizes are measured as the kernel formats the values
/// (text/html + text/plain through Microsoft.DotNet.Interactive.Formatting).
/// </summary>
[Collection("DisplayHook")]
public class LiveProgressBudgetTests
{
    /// <summary>A Fit's progress fed to a ProgbarLogger with a scripted clock: <paramref name="stepSeconds"/> a step,
    /// every batch hook called (more than the training loop does); returns the clock reading at each display value.</summary>
    private static List<double> ScriptedFit(RecordingDisplay recorder, int epochs, int steps, double stepSeconds)
    {
        double now = 0;
        var times = new List<double>();
        var logger = new ProgbarLogger(clock: () => now);
        logger.SetParams(new Dictionary<string, object> { ["verbose"] = 1, ["epochs"] = epochs, ["steps"] = steps });
        int seen = 0;
        void Stamp()
        {
            int count = recorder.Displays.Sum(d => d.Count);
            for (; seen < count; seen++) times.Add(now);
        }
        logger.OnTrainBegin(new Dictionary<string, double>());
        for (int e = 0; e < epochs; e++)
        {
            logger.OnEpochBegin(e, new Dictionary<string, double>());
            Stamp();
            for (int b = 0; b < steps; b++)
            {
                now += stepSeconds;
                logger.OnTrainBatchEnd(b, new Dictionary<string, double> { ["loss"] = 1.0 / (b + 1), ["accuracy"] = 0.5 });
                Stamp();
            }
            logger.OnEpochEnd(e, new Dictionary<string, double> { ["loss"] = 0.25, ["accuracy"] = 0.75, ["val_loss"] = 0.3, ["val_accuracy"] = 0.7 });
            Stamp();
        }
        logger.OnTrainEnd(new Dictionary<string, double>());
        Stamp();
        return times;
    }

    [Theory]
    // (epochs, steps per epoch, seconds a step, most bytes summed over every update)
    [InlineData(1000, 2, 0.005, 300_000)] // the first tutorial's Fit(epochs: 1000): 10 s
    [InlineData(30, 1875, 30.0 / 30 / 1875, 100_000)] // 30 s, 30 epochs of MNIST's 1875 steps
    [InlineData(30, 1875, 3600.0 / 30 / 1875, 200_000)] // an hour
    [InlineData(100, 1000, 0.36, 300_000)] // ten hours
    public void Every_update_of_a_fit_summed_stays_within_a_few_hundred_kilobytes(int epochs, int steps, double stepSeconds, long maxBytes)
    {
        using var recorder = new RecordingDisplay();
        var times = ScriptedFit(recorder, epochs, steps, stepSeconds);
        var shown = recorder.Single;
        long bytes = recorder.TotalBytes;
        Assert.True(bytes <= maxBytes, $"{shown.Count} updates, {bytes} bytes");
        Console.WriteLine($"{epochs} epochs x {steps} steps, {epochs * steps * stepSeconds:0} s: {shown.Count} display values, {bytes} bytes (final {RecordingDisplay.FormattedBytes(shown[^1])})");

        // never more than 4 redraws a second, and fewer as the run goes on (the final state excepted)
        for (int i = 1; i < times.Count - 1; i++)
            Assert.True(times[i] - times[i - 1] >= RedrawThrottle.Interval(times[i - 1]) - 1e-9,
                $"updates {i - 1} and {i} at {times[i - 1]} s and {times[i]} s");
        double total = epochs * steps * stepSeconds;
        int bound = (int)(RedrawThrottle.Growth * (1 + Math.Log(Math.Max(total, 10) / 10))) + 3;
        Assert.True(shown.Count <= bound, $"{shown.Count} updates over {total} s (bound {bound})");

        // each interim update is small: the running epoch and the last finished one, not the table
        foreach (var interim in shown.Take(shown.Count - 1))
            Assert.InRange(RecordingDisplay.FormattedBytes(interim), 100, 1500);
        // the final state is every epoch's row, and Keras's redirected text
        var final = (LiveView)shown[^1];
        Assert.Equal(epochs, System.Text.RegularExpressions.Regex.Count(final.ToDisplayString("text/html"), "<tr><td>"));
        Assert.Equal(epochs, System.Text.RegularExpressions.Regex.Count(final.Text, "(?m)^Epoch \\d+/"));
    }

    [Fact]
    public void Fit_redraws_the_step_bar_within_the_first_epoch_when_console_output_is_redirected()
    {
        // the kernel redirects the console: the display must not depend on it
        var previous = Console.Out;
        Console.SetOut(new StringWriter());
        using var recorder = new RecordingDisplay();
        try
        {
            Assert.True(Console.IsOutputRedirected);
            var (model, x, y) = Tiny(samples: 640);
            double now = 0;
            // each clock read advances 50 ms: the training loop's own throttle check moves time
            model.Fit(x, y, batchSize: 32, epochs: 2, verbose: 1, callbacks: [new ProgbarLogger(clock: () => now += 0.05)]);
        }
        finally { Console.SetOut(previous); }
        var shown = recorder.Single;
        var firstEpoch = shown.Cast<LiveView>().TakeWhile(f => !f.Text.Contains("Epoch 2/2")).ToList();
        var midEpoch = firstEpoch.Where(f => System.Text.RegularExpressions.Regex.IsMatch(f.ToDisplayString("text/html"), "<progress max=\"20\" value=\"([1-9]|1[0-9])\"")).ToList();
        Assert.True(midEpoch.Count >= 2, $"{midEpoch.Count} redraws within the first epoch");
        Assert.All(midEpoch, f => Assert.Matches(@"^Epoch 1/2\n *\d+/20 \[=*>?\.*\] - ETA: \d+s - loss: \d\.\d{4} - accuracy: \d\.\d{4}$", f.Text));
        Assert.Contains("ETA", midEpoch[0].ToDisplayString("text/html"));
    }

    [Fact]
    public void A_real_thousand_epoch_fit_sends_a_bounded_total()
    {
        using var recorder = new RecordingDisplay();
        var (model, x, y) = Tiny(samples: 64);
        var history = model.Fit(x, y, batchSize: 32, epochs: 1000, verbose: 1);
        var shown = recorder.Single;
        long bytes = recorder.TotalBytes;
        Assert.True(bytes < 300_000, $"{shown.Count} updates, {bytes} bytes");
        var final = (LiveView)shown[^1];
        Assert.Contains("overflow-y:auto", final.ToDisplayString("text/html")); // a long table scrolls
        Assert.Contains(Invariant($"<td>1000/1000</td>"), final.ToDisplayString("text/html"));
        Assert.EndsWith(Invariant($"loss: {PythonText.ProgbarValue(history.History["loss"][^1])} - accuracy: {PythonText.ProgbarValue(history.History["accuracy"][^1])}"),
            final.ToDisplayString("text/plain"));
        Console.WriteLine($"1000-epoch fit: {shown.Count} display values, {bytes} bytes");
    }

    [Fact]
    public void Every_value_passed_to_the_hook_formats_as_html_and_plain_text_through_the_kernels_formatter()
    {
        using var recorder = new RecordingDisplay();
        ScriptedFit(recorder, epochs: 3, steps: 100, stepSeconds: 0.01);
        foreach (var value in recorder.Single)
        {
            var view = Assert.IsType<LiveView>(value);
            Assert.Equal(view.Text, value.ToDisplayString("text/plain"));
            Assert.StartsWith("<div class=\"nnn-progress\"", value.ToDisplayString("text/html"));
        }
    }

    [Fact]
    public void Evaluate_and_predict_show_one_display_redrawn_in_place_that_ends_as_keras_final_bar_line()
    {
        var (model, x, y) = Tiny(samples: 640);
        model.Fit(x, y, epochs: 1, verbose: 0);
        foreach (bool predict in new[] { false, true })
        {
            double now = 0, t = 0;
            List<object> shown;
            using (var recorder = new RecordingDisplay())
            {
                Run(new ProgbarLogger(clock: () => now), new ClockStep(() => now += 0.1));
                shown = recorder.Single;
            }
            // the same call written by the console path with the same clock, output redirected: Keras's final line
            var w = new StringWriter();
            Run(new ProgbarLogger(output: w, isInteractive: false, clock: () => t), new ClockStep(() => t += 0.1));
            string keras = w.ToString().Trim('\n');
            Assert.Matches(predict ? @"^20/20 \[=+\] - \d+s \d+ms/step$" : @"^20/20 \[=+\] - \d+s \d+ms/step - loss: \d\.\d{4} - accuracy: \d\.\d{4}$", keras);
            var final = (LiveView)shown[^1];
            Assert.Equal(keras, final.ToDisplayString("text/plain"));
            Assert.Contains("<progress max=\"20\" value=\"20\"", final.ToDisplayString("text/html"));
            var running = shown.Take(shown.Count - 1).Cast<LiveView>().ToList();
            Assert.True(running.Count >= 3 && running.Count < 20, $"{running.Count} redraws of 20 steps");
            Assert.All(running, f => Assert.Matches(@"^ ?\d+/20 \[=*>?\.*\]( - ETA: \d+s)?", f.Text));

            void Run(ProgbarLogger logger, ClockStep step)
            {
                if (predict) model.Predict(x, batchSize: 32, verbose: 1, callbacks: [step, logger]);
                else model.Evaluate(x, y, batchSize: 32, verbose: 1, callbacks: [step, logger]);
            }
        }
    }

    /// <summary>Advances a scripted clock at each batch's begin (100 ms a step).</summary>
    private sealed class ClockStep(Action advance) : Callback
    {
        public override void OnTestBatchBegin(int batch, IDictionary<string, double> logs) => advance();
        public override void OnPredictBatchBegin(int batch, IDictionary<string, double> logs) => advance();
    }

    [Fact]
    public void The_throttle_check_of_the_training_loop_allocates_nothing()
    {
        using var recorder = new RecordingDisplay();
        var (model, _, _) = Tiny(samples: 64);
        double now = 0;
        var list = CallbackList.For(model, verbose: 1, [new ProgbarLogger(clock: () => now)], epochs: 1, steps: 100);
        list.Each(c => c.OnTrainBegin(new Dictionary<string, double>()));
        list.Each(c => c.OnEpochBegin(0, new Dictionary<string, double>()));
        Assert.False(list.ObservesBatches); // the display is polled, not given every batch's logs
        var token = list.Token;
        Assert.False(list.ProgressDue()); // the epoch's start was drawn now
        Assert.Equal(0, AllocationProbe.BytesPerCall(1000, _ => { if (list.ProgressDue() || token.IsCancellationRequested) throw new InvalidOperationException(); }));
        now = 1;
        Assert.True(list.ProgressDue());
        Assert.Equal(0, AllocationProbe.BytesPerCall(1000, _ => list.ProgressDue()));
    }

    [Fact]
    public void A_fit_with_a_live_display_allocates_nothing_per_step_between_redraws()
    {
        using var recorder = new RecordingDisplay();
        using var stop = new NotebookStop(); // a cell's token is checked at every step too
        var (model, x, y) = Tiny(samples: 200 * 32);
        // the clock stands still: one redraw at the epoch's start, then none due (a clock that moves 1 s a read, so
        // that every step redraws, reads ≈ 730 bytes a step here)
        var logger = new ProgbarLogger(clock: () => 0);
        long Bytes(int steps)
        {
            long least = long.MaxValue;
            for (int window = 0; window < AllocationProbe.Windows; window++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                model.Fit(x[..(steps * 32)], y[..(steps * 32)], batchSize: 32, epochs: 1, shuffle: false, verbose: 1, callbacks: [logger]);
                least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
            }
            return least;
        }
        Bytes(200); // warm
        long perStep = (Bytes(200) - Bytes(100)) / 100;
        Assert.True(perStep <= 0, $"{perStep} bytes a step");
    }

    /// <summary>A one-unit logistic model and data of <paramref name="samples"/> rows, compiled with accuracy.</summary>
    internal static (Sequential, Tensor, Tensor) Tiny(int samples)
    {
        var x = Tensor.From(Enumerable.Range(0, samples * 3).Select(i => (float)Math.Sin(i)).ToArray(), new Shape(samples, 3));
        var y = Tensor.From(Enumerable.Range(0, samples).Select(i => (float)(i % 2)).ToArray(), new Shape(samples, 1));
        var m = new Sequential([new Dense(1, activation: "sigmoid", inputShape: [3])]);
        m.Compile(loss: "binary_crossentropy", optimizer: "sgd", metrics: ["accuracy"]);
        return (m, x, y);
    }
}
