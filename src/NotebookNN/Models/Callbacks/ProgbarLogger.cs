using NotebookNN.Display;
namespace NotebookNN.Models;

/// <summary>
/// Prints Keras 2's progress (keras.callbacks.ProgbarLogger): <c>Epoch 1/30</c> then one <see cref="Progbar"/> per
/// epoch, and one for a standalone evaluate. Added by Fit / Evaluate when verbose is 1 or 2. On a terminal the bar
/// is redrawn in place; when output is redirected only the final line of each epoch is written. In a notebook
/// (<see cref="DisplayHook.Display"/> set, verbose 1, no writer given) Fit, Evaluate and Predict each show one live
/// display instead (<see cref="LiveProgress"/>, <see cref="LiveBar"/>), redrawn within the epoch as a throttle allows.
/// </summary>
public sealed class ProgbarLogger : Callback
{
    private readonly TextWriter? _output;
    private readonly bool? _interactive;
    private readonly Func<double>? _clock;
    private Progbar? _bar;
    private int _epochs, _verbose, _steps;
    private bool _inFit;
    private int _epoch;
    // The stop button: the kernel completes a cancelled cell at once and drops what is published after, so the live
    // display says it was interrupted from a callback on the token (run inside the kernel's cancel, before the cell
    // completes), under _sync against the training thread's redraws.
    private readonly object _sync = new();
    private CancellationTokenRegistration _onStop;
    private LiveProgress? _live; // Fit's notebook display, when DisplayHook is set
    private LiveBar? _liveBar; // a standalone Evaluate's or Predict's notebook display
    private StringWriter? _liveText; // with either: what verbose 1 prints to redirected output, the display's plain text

    /// <param name="output">Where to write; the console when null.</param>
    /// <param name="isInteractive">Redraw in place; by default true for a console that is not redirected.</param>
    /// <param name="clock">Seconds from any origin (for tests); a stopwatch when null.</param>
    public ProgbarLogger(TextWriter? output = null, bool? isInteractive = null, Func<double>? clock = null)
    {
        _output = output;
        _interactive = isInteractive;
        _clock = clock;
    }

    /// <summary>Whether the bar redraws in place during an epoch.</summary>
    public bool IsInteractive => _interactive ?? (_output is null && !Console.IsOutputRedirected);

    public override void SetParams(IReadOnlyDictionary<string, object> parameters)
    {
        base.SetParams(parameters);
        (_verbose, _epochs, _steps) = (Settings.Verbose, Settings.Epochs, Settings.Steps);
    }

    public override void OnTrainBegin(IDictionary<string, double> logs)
    {
        _inFit = true;
        _live = ShowsLive ? LiveProgress.TryStart(_epochs, _steps, _clock) : null;
        _liveText = _live is null ? null : new StringWriter();
        if (_live is not null) WatchStop();
    }

    /// <summary>Whether this logger draws into a notebook display (verbose 1, no writer given, the hook set).</summary>
    private bool ShowsLive => _output is null && _verbose == 1 && DisplayHook.Display is not null;

    public override void OnTrainEnd(IDictionary<string, double> logs)
    {
        _inFit = false;
        _onStop.Dispose();
        lock (_sync)
        {
            _live?.End(_liveText!.ToString());
            _live = null;
            _liveText = null;
        }
    }

    public override void OnEpochBegin(int epoch, IDictionary<string, double> logs)
    {
        _epoch = epoch;
        _live?.BeginEpoch(epoch);
        var writer = _liveText ?? _output ?? Console.Out;
        if (_verbose > 0 && _epochs > 1) writer.WriteLine($"Epoch {epoch + 1}/{_epochs}");
        _bar = _liveText is null ? NewBar() : NewBar(output: _liveText, interactive: false);
    }

    public override void OnTrainBatchEnd(int batch, IDictionary<string, double> logs)
    {
        if (_live is not null) lock (_sync) _live?.Batch(batch + 1, logs);
        else BatchUpdate(batch, logs);
    }

    public override void OnEpochEnd(int epoch, IDictionary<string, double> logs)
    {
        Finish(logs);
        if (_live is not null) lock (_sync) _live?.EndEpoch(logs);
    }

    public override void OnTestBegin(IDictionary<string, double> logs)
    {
        if (!_inFit) BeginStandalone(predict: false);
    }

    public override void OnTestBatchEnd(int batch, IDictionary<string, double> logs)
    {
        if (!_inFit) StandaloneBatch(batch, logs);
    }

    public override void OnTestEnd(IDictionary<string, double> logs)
    {
        if (!_inFit) EndStandalone(logs);
    }

    public override void OnPredictBegin(IDictionary<string, double> logs) => BeginStandalone(predict: true);
    public override void OnPredictBatchEnd(int batch, IDictionary<string, double> logs) => StandaloneBatch(batch, logs);
    public override void OnPredictEnd(IDictionary<string, double> logs) => EndStandalone(logs);

    /// <summary>A standalone Evaluate or Predict begins: a live bar in a notebook, else Keras's text bar.</summary>
    private void BeginStandalone(bool predict)
    {
        _liveBar = ShowsLive ? LiveBar.TryStart(_steps, _clock) : null;
        _liveText = _liveBar is null ? null : new StringWriter();
        if (_liveBar is not null) WatchStop();
        _bar = NewBar(predict, output: _liveText, interactive: _liveText is null ? null : false);
    }

    private void StandaloneBatch(int batch, IDictionary<string, double> logs)
    {
        if (_liveBar is not null) lock (_sync) _liveBar?.Batch(batch + 1, logs);
        else BatchUpdate(batch, logs);
    }

    private void EndStandalone(IDictionary<string, double> logs)
    {
        Finish(logs);
        _onStop.Dispose();
        lock (_sync)
        {
            _liveBar?.End(_liveText!.ToString());
            _liveBar = null;
            _liveText = null;
        }
    }

    /// <summary>
    /// The notebook stopped the call (<see cref="DisplayHook.Cancellation"/>): the live display shows what finished and
    /// <paramref name="message"/>; a terminal's half-drawn bar line is ended. <paramref name="training"/> tells Fit's
    /// interruption from a standalone Evaluate's or Predict's (a Fit's validation is part of the Fit).
    /// </summary>
    internal void Interrupted(string message, bool training)
    {
        if (training != _inFit) return;
        _onStop.Dispose();
        if (_live is not null || _liveBar is not null) lock (_sync) DrawInterrupt(message);
        else if (_bar is not null && DrawsBatches)
        {
            var writer = _output ?? Console.Out;
            writer.WriteLine();
            writer.Flush();
        }
        lock (_sync) (_live, _liveBar, _liveText, _bar) = (null, null, null, null);
    }

    /// <summary>Shows <paramref name="message"/> in the live display, under <see cref="_sync"/>.</summary>
    private void DrawInterrupt(string message)
    {
        // the kernel may refuse updates of a cell it already reported stopped: that must not hide the interrupt
        try { if (_live is not null) _live.Interrupt(message, _liveText!.ToString()); else _liveBar?.Interrupt(message); }
        catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException) { }
    }

    /// <summary>Says in the live display, as soon as the notebook's stop is pressed, that the call is being stopped;
    /// the training thread's own message (where exactly it stopped) follows where the host still shows updates.</summary>
    private void WatchStop()
    {
        var token = DisplayHook.Cancellation?.Invoke() ?? CancellationToken.None;
        if (!token.CanBeCanceled) return;
        _onStop = token.Register(static state =>
        {
            var logger = (ProgbarLogger)state!;
            string message = logger._inFit
                ? Invariant($"KeyboardInterrupt: training stopped by the notebook during epoch {logger._epoch + 1}/{logger._epochs}; the model keeps the weights of the last finished step.")
                : "KeyboardInterrupt: stopped by the notebook; nothing was returned.";
            lock (logger._sync) logger.DrawInterrupt(message);
        }, this);
    }

    /// <summary>A bar for one epoch. Every logged value is already a running value over the epoch, so all are
    /// shown as given (Keras 2 marks the loss and every compiled metric stateful). It writes to <paramref name="output"/> (else this logger's output), drawn in place when
    /// <paramref name="interactive"/> (else as <see cref="IsInteractive"/>).</summary>
    private Progbar NewBar(bool predict = false, TextWriter? output = null, bool? interactive = null)
    {
        var names = predict ? [] : (Model?.Metrics.Select(m => m.Name) ?? []).Prepend("loss").ToList();
        return new(_steps > 0 ? _steps : null, verbose: _verbose, output: output ?? _output, isInteractive: interactive ?? IsInteractive, clock: _clock,
            statefulMetrics: [.. names, .. names.Select(n => "val_" + n)]);
    }

    /// <summary>Whether batch hooks draw anything after every batch (verbose 1 on a terminal); otherwise the training
    /// loop need not build batch logs for this callback. A live notebook display is asked <see cref="BatchDue"/>
    /// instead.</summary>
    internal bool DrawsBatches => _verbose == 1 && IsInteractive && _live is null && _liveBar is null;

    /// <summary>Whether a live display would redraw after the current batch (a clock read; allocates nothing), so
    /// the loop builds batch logs only then.</summary>
    internal bool BatchDue() => _live is not null ? _live.Due() : _liveBar is not null && _liveBar.Due();

    private void BatchUpdate(int batch, IDictionary<string, double> logs)
    {
        // Keras 2 redraws after every batch; with redirected output only the epoch's final line is written.
        if (_bar is null || !DrawsBatches) return;
        _bar.Update(batch + 1, logs, finalize: false);
    }

    private void Finish(IDictionary<string, double> logs)
    {
        if (_bar is null) return;
        _bar.Update(_steps > 0 ? _steps : 1, logs, finalize: true);
        _bar = null;
    }
}
