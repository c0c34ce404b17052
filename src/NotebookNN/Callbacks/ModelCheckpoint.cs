using System.Globalization;
using System.Text.RegularExpressions;
using NotebookNN.Text;
using NotebookNN.Models;

namespace NotebookNN.Callbacks;

/// <summary>
/// Saves the model (or only its weights) at the end of epochs (keras.callbacks.ModelCheckpoint). The file path may hold
/// Keras's placeholders: <c>"ckpt-{epoch:02d}-{val_loss:.2f}.keras"</c> (epoch counted from 1). With
/// <c>saveBestOnly</c> it saves only when the monitored value improves, so the file holds the best model so far.
/// Each save is atomic.
/// </summary>
public partial class ModelCheckpoint : Callback
{
    private readonly bool _maximize;

    /// <param name="filepath">Where to save; may contain <c>{epoch}</c>, <c>{epoch:02d}</c> and <c>{name:.Nf}</c> placeholders for log values.</param>
    /// <param name="monitor">The log value compared with <paramref name="saveBestOnly"/>; default <c>val_loss</c>.</param>
    /// <param name="verbose">1 prints a line when saving.</param>
    /// <param name="saveBestOnly">Save only when <paramref name="monitor"/> improves.</param>
    /// <param name="saveWeightsOnly">Save with <c>SaveWeights</c> instead of <c>Save</c>.</param>
    /// <param name="mode"><c>auto</c>, <c>min</c> or <c>max</c>: which direction is an improvement.</param>
    public ModelCheckpoint(string filepath, string monitor = "val_loss", int verbose = 0, bool saveBestOnly = false,
        bool saveWeightsOnly = false, string mode = "auto")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(filepath);
        Filepath = filepath;
        Monitor = monitor;
        Verbose = verbose;
        SaveBestOnly = saveBestOnly;
        SaveWeightsOnly = saveWeightsOnly;
        _maximize = MonitorModes.Maximize(mode, monitor);
        Best = _maximize ? double.NegativeInfinity : double.PositiveInfinity;
    }

    /// <summary>The file path pattern.</summary>
    public string Filepath { get; }
    /// <summary>The log value watched with <see cref="SaveBestOnly"/>.</summary>
    public string Monitor { get; }
    /// <summary>1 prints a line per save decision.</summary>
    public int Verbose { get; }
    /// <summary>Save only when the monitored value improves.</summary>
    public bool SaveBestOnly { get; }
    /// <summary>Save weights only (<c>SaveWeights</c>).</summary>
    public bool SaveWeightsOnly { get; }
    /// <summary>The best monitored value seen so far.</summary>
    public double Best { get; private set; }

    /// <summary>
    /// Checks the destination before the first epoch trains (a directory, a folder that is a file, a folder where no file
    /// can be created), so a bad path fails at once rather than after an epoch's work. A path whose folder holds
    /// placeholders is checked at each save.
    /// </summary>
    public override void OnTrainBegin(IDictionary<string, double> logs)
    {
        if (Path.GetDirectoryName(Filepath) is { } dir && Placeholder().IsMatch(dir)) return;
        Saving.SaveTarget.Probe(Placeholder().Replace(Filepath, "0"), SaveWeightsOnly ? "the weights" : "the model");
    }

    /// <summary>Saves (or not, with <see cref="SaveBestOnly"/>) after each epoch.</summary>
    public override void OnEpochEnd(int epoch, IDictionary<string, double> logs)
    {
        var model = Model ?? throw new InvalidOperationException("ModelCheckpoint is not attached to a model.");
        var path = FormatPath(epoch + 1, logs);
        if (SaveBestOnly)
        {
            if (!logs.TryGetValue(Monitor, out var current))
            {
                Console.WriteLine($"WARNING: Can save best model only with {Monitor} available, skipping.");
                return;
            }
            bool better = _maximize ? current > Best : current < Best;
            if (!better)
            {
                if (Verbose > 0) Console.WriteLine($"\nEpoch {epoch + 1}: {Monitor} did not improve from {PythonText.Fixed(Best, 5)}");
                return;
            }
            if (Verbose > 0) Console.WriteLine($"\nEpoch {epoch + 1}: {Monitor} improved from {PythonText.Fixed(Best, 5)} to {PythonText.Fixed(current, 5)}, saving model to {path}");
            Best = current;
        }
        else if (Verbose > 0) Console.WriteLine($"\nEpoch {epoch + 1}: saving model to {path}");
        if (SaveWeightsOnly) model.SaveWeights(path);
        else model.Save(path);
    }

    /// <summary>The file path with <c>{epoch}</c>, <c>{epoch:02d}</c> and <c>{key:.Nf}</c> replaced.</summary>
    internal string FormatPath(int epoch, IDictionary<string, double> logs) => Placeholder().Replace(Filepath, m =>
    {
        string key = m.Groups[1].Value, spec = m.Groups[2].Value;
        if (key == "epoch")
            return spec.Length > 0 && spec.EndsWith('d') ? epoch.ToString("D" + (spec.TrimStart('0').TrimEnd('d') is { Length: > 0 } w ? w : "1"), CultureInfo.InvariantCulture)
                : epoch.ToString(CultureInfo.InvariantCulture);
        if (!logs.TryGetValue(key, out var v))
            throw new KeyNotFoundException($"Failed to format this callback filepath: \"{Filepath}\". Reason: '{key}' is not in the logs.");
        return spec.StartsWith('.') && spec.EndsWith('f') ? PythonText.Fixed(v, int.Parse(spec[1..^1], CultureInfo.InvariantCulture)) : PythonText.Float(v);
    });

    [GeneratedRegex(@"\{(\w+)(?::([^}]*))?\}")]
    private static partial Regex Placeholder();
}
