using NotebookNN.Tensors;
using NotebookNN.Models;

namespace NotebookNN.Callbacks;

/// <summary>
/// Stops training when a monitored quantity has stopped improving (keras.callbacks.EarlyStopping), optionally
/// restoring the weights of the best epoch.
/// </summary>
public class EarlyStopping : Callback
{
    private readonly bool _maximize;
    private List<Tensor>? _bestWeights;

    /// <param name="monitor">The logged quantity to watch.</param>
    /// <param name="minDelta">The smallest change that counts as an improvement.</param>
    /// <param name="patience">Epochs without improvement after which training stops.</param>
    /// <param name="verbose">1 prints when training stops and when weights are restored.</param>
    /// <param name="mode"><c>auto</c>, <c>min</c> or <c>max</c>.</param>
    /// <param name="baseline">A value the quantity must beat; training stops if it does not within <paramref name="patience"/> epochs.</param>
    /// <param name="restoreBestWeights">Restore the weights of the best epoch when stopping.</param>
    /// <param name="startFromEpoch">Epochs to wait before watching for improvement.</param>
    public EarlyStopping(string monitor = "val_loss", double minDelta = 0, int patience = 0, int verbose = 0, string mode = "auto",
        double? baseline = null, bool restoreBestWeights = false, int startFromEpoch = 0)
    {
        if (patience < 0) throw new ArgumentException($"Argument `patience` must be a non-negative integer. Received: patience={patience}");
        Monitor = monitor;
        _maximize = MonitorModes.Maximize(mode, monitor);
        MinDelta = Math.Abs(minDelta) * (_maximize ? 1 : -1);
        Patience = patience;
        Verbose = verbose;
        Baseline = baseline;
        RestoreBestWeights = restoreBestWeights;
        StartFromEpoch = startFromEpoch;
    }

    public string Monitor { get; }
    public double MinDelta { get; }
    public int Patience { get; }
    public int Verbose { get; }
    public double? Baseline { get; }
    public bool RestoreBestWeights { get; }
    public int StartFromEpoch { get; }

    /// <summary>The epoch (0-based) at which training was stopped; 0 if it was not.</summary>
    public int StoppedEpoch { get; private set; }
    /// <summary>The epoch (0-based) with the best monitored value.</summary>
    public int BestEpoch { get; private set; }
    /// <summary>The best monitored value seen.</summary>
    public double Best { get; private set; }
    /// <summary>Epochs since the last improvement.</summary>
    public int Wait { get; private set; }

    public override void OnTrainBegin(IDictionary<string, double> logs)
    {
        Wait = 0;
        StoppedEpoch = 0;
        Best = _maximize ? double.NegativeInfinity : double.PositiveInfinity;
        _bestWeights = null;
        BestEpoch = 0;
    }

    public override void OnEpochEnd(int epoch, IDictionary<string, double> logs)
    {
        if (!logs.TryGetValue(Monitor, out var current))
        {
            Console.WriteLine($"Early stopping conditioned on metric `{Monitor}` which is not available. Available metrics are: {string.Join(",", logs.Keys)}");
            return;
        }
        if (epoch < StartFromEpoch) return;
        if (RestoreBestWeights && _bestWeights is null) _bestWeights = Model!.GetWeights();
        Wait++;
        if (IsImprovement(current, Best))
        {
            Best = current;
            BestEpoch = epoch;
            if (RestoreBestWeights) _bestWeights = Model!.GetWeights();
            if (Baseline is null || IsImprovement(current, Baseline.Value)) { Wait = 0; return; }
        }
        if (Wait >= Patience && epoch > 0)
        {
            StoppedEpoch = epoch;
            Model!.StopTraining = true;
            if (RestoreBestWeights && _bestWeights is not null)
            {
                if (Verbose > 0) Console.WriteLine($"Restoring model weights from the end of the best epoch: {BestEpoch + 1}.");
                Model.SetWeights(_bestWeights);
            }
        }
    }

    public override void OnTrainEnd(IDictionary<string, double> logs)
    {
        if (StoppedEpoch > 0 && Verbose > 0) Console.WriteLine($"Epoch {StoppedEpoch + 1}: early stopping");
    }

    private bool IsImprovement(double value, double reference) =>
        _maximize ? value - MinDelta > reference : value - MinDelta < reference;
}
