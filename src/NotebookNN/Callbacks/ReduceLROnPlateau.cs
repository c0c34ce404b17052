using NotebookNN.Text;
using NotebookNN.Models;

namespace NotebookNN.Callbacks;

/// <summary>
/// Multiplies the learning rate by <see cref="Factor"/> when a monitored quantity has not improved for
/// <see cref="Patience"/> epochs (keras.callbacks.ReduceLROnPlateau). Logs the learning rate as <c>lr</c>.
/// </summary>
public class ReduceLROnPlateau : Callback
{
    private readonly bool _maximize;
    private double _best;
    private int _wait, _cooldownCounter;

    public ReduceLROnPlateau(string monitor = "val_loss", double factor = 0.1, int patience = 10, int verbose = 0, string mode = "auto",
        double minDelta = 1e-4, int cooldown = 0, double minLr = 0)
    {
        if (!(factor < 1.0)) throw new ArgumentException(Invariant($"ReduceLROnPlateau does not support a factor >= 1.0. Received: factor={factor}"));
        Monitor = monitor;
        Factor = factor;
        Patience = patience;
        Verbose = verbose;
        _maximize = MonitorModes.Maximize(mode, monitor);
        MinDelta = minDelta;
        Cooldown = cooldown;
        MinLr = minLr;
    }

    public string Monitor { get; }
    public double Factor { get; }
    public int Patience { get; }
    public int Verbose { get; }
    public double MinDelta { get; }
    public int Cooldown { get; }
    public double MinLr { get; }

    public override void OnTrainBegin(IDictionary<string, double> logs)
    {
        _best = _maximize ? double.NegativeInfinity : double.PositiveInfinity;
        _wait = 0;
        _cooldownCounter = 0;
    }

    public override void OnEpochEnd(int epoch, IDictionary<string, double> logs)
    {
        var optimizer = Model!.Optimizer!;
        logs["lr"] = optimizer.LearningRate;
        if (!logs.TryGetValue(Monitor, out var current))
        {
            Console.WriteLine($"Learning rate reduction is conditioned on metric `{Monitor}` which is not available. Available metrics are: {string.Join(",", logs.Keys)}");
            return;
        }
        if (_cooldownCounter > 0) { _cooldownCounter--; _wait = 0; }
        if (_maximize ? current > _best + MinDelta : current < _best - MinDelta)
        {
            _best = current;
            _wait = 0;
        }
        else if (_cooldownCounter == 0 && ++_wait >= Patience)
        {
            double old = optimizer.LearningRate;
            if (old > (float)MinLr)
            {
                double lr = Math.Max(old * Factor, MinLr);
                optimizer.LearningRate = lr;
                if (Verbose > 0) Console.WriteLine($"\nEpoch {epoch + 1}: ReduceLROnPlateau reducing learning rate to {PythonText.Float32((float)lr)}.");
                _cooldownCounter = Cooldown;
                _wait = 0;
            }
        }
    }
}
