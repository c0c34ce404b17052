using NotebookNN.Text;

namespace NotebookNN.Models;

/// <summary>
/// The storage of <see cref="History"/>. It is a separate base class only because C# forbids a member named like
/// its own type, and Keras's <c>history.history</c> must read <c>h.History["val_accuracy"]</c>.
/// </summary>
public abstract class HistoryData : Callback
{
    /// <summary>Per-epoch values by Keras's keys (<c>loss</c>, <c>accuracy</c>, <c>val_loss</c>, …), in order of first appearance.</summary>
    public HistoryLog History { get; } = [];

    /// <summary>The epoch indices recorded (0-based, as Keras).</summary>
    public List<int> Epoch { get; } = [];
}

/// <summary>
/// Records the epoch-end logs of <c>Model.Fit</c> (keras.callbacks.History); Fit returns it.
/// <c>history.History["val_accuracy"]</c> is the per-epoch list under Keras's keys.
/// </summary>
public partial class History : HistoryData
{
    public override void OnTrainBegin(IDictionary<string, double> logs) => Epoch.Clear();

    public override void OnEpochEnd(int epoch, IDictionary<string, double> logs)
    {
        Epoch.Add(epoch);
        foreach (var (k, v) in logs)
        {
            if (!History.TryGetValue(k, out var list)) History[k] = list = [];
            list.Add(v);
        }
    }

    /// <summary>The epoch count and each last value as the progress bar's table writes it (<c>History(10 epochs:
    /// loss=0.3102, accuracy=0.8870)</c>: Keras's <c>%.4f</c>, so the repr and the table agree).</summary>
    public override string ToString()
    {
        string epochs = Epoch.Count == 1 ? "1 epoch" : $"{Epoch.Count} epochs";
        return Epoch.Count == 0 || History.Count == 0
            ? $"History({epochs})"
            : $"History({epochs}: " + string.Join(", ", History.Select(kv =>
                $"{kv.Key}={(kv.Value.Count > 0 ? PythonText.ProgbarValue(kv.Value[^1]) : "-")}")) + ")";
    }
}
