using System.Diagnostics;
using NotebookNN.Models;
using NotebookNN.Tensors;
using NotebookNN.Text;
using NotebookNN.Display;

namespace NotebookNN.Tuning;

/// <summary>
/// What KerasTuner's tuners share: the model-building function, the objective, the trials run so far and access to
/// the best ones. Trials are kept in memory (no project directory is written).
/// </summary>
public abstract class Tuner
{
    private readonly Func<HyperParameters, Model> _hypermodel;
    private readonly List<Trial> _trials = [];
    private readonly HashSet<string> _tried = [];

    /// <summary>Sets up the tuner.</summary>
    protected Tuner(Func<HyperParameters, Model> hypermodel, string objective, int executionsPerTrial, int? seed, string? direction)
    {
        ArgumentNullException.ThrowIfNull(hypermodel);
        if (executionsPerTrial < 1) throw new ArgumentException($"`executions_per_trial` must be at least 1. Received: {executionsPerTrial}");
        _hypermodel = hypermodel;
        Objective = Objective.Infer(objective, direction);
        ExecutionsPerTrial = executionsPerTrial;
        Seed = seed;
        Rng = new Random(seed ?? Random.Shared.Next());
    }

    /// <summary>The objective optimized.</summary>
    public Objective Objective { get; }
    /// <summary>Models trained (and averaged) per configuration.</summary>
    public int ExecutionsPerTrial { get; }
    /// <summary>Seed of the sampling.</summary>
    public int? Seed { get; }
    /// <summary>The generator all sampling draws from.</summary>
    protected Random Rng { get; }

    /// <summary>Every dimension declared by the build function so far (KerasTuner's <c>search_space_summary</c> data).</summary>
    public IReadOnlyList<HyperParameter> SearchSpace =>
        _trials.SelectMany(t => t.HyperParameters.Space).GroupBy(p => p.Name).Select(g => g.First()).ToArray();

    /// <summary>All trials, best first.</summary>
    public TrialTable Results => new(Ranked().ToArray(), Objective);

    /// <summary>The hyperparameters of the best trial.</summary>
    public HyperParameters BestHyperParameters => GetBestHyperParameters(1).FirstOrDefault()
        ?? throw new InvalidOperationException("No trial has completed yet; call Search first.");

    /// <summary>The hyperparameters of the <paramref name="numTrials"/> best trials.</summary>
    public IReadOnlyList<HyperParameters> GetBestHyperParameters(int numTrials = 1) => Ranked().Take(numTrials).Select(t => t.HyperParameters).ToArray();

    /// <summary>The trained models of the <paramref name="numModels"/> best trials.</summary>
    public IReadOnlyList<Model> GetBestModels(int numModels = 1) => Ranked().Take(numModels).Select(t => t.Model!).ToArray();

    /// <summary>Runs the search.</summary>
    public abstract void Search(Tensor x, Tensor y, int epochs = 1, int? batchSize = null, (Tensor X, Tensor Y)? validationData = null,
        double validationSplit = 0, IEnumerable<Callback>? callbacks = null, bool shuffle = true, int verbose = 1);

    /// <summary>KerasTuner's results summary text: the best trials with their values and score.</summary>
    public string ResultsSummary(int numTrials = 10)
    {
        var sb = new System.Text.StringBuilder();
        sb.AppendLine("Results summary");
        sb.AppendLine(Objective.Summary);
        foreach (var t in Ranked().Take(numTrials))
        {
            sb.AppendLine().AppendLine($"Trial {t.TrialId} summary").AppendLine("Hyperparameters:");
            foreach (var (k, v) in t.HyperParameters.Values) sb.AppendLine($"{k}: {HyperParameter.Format(v)}");
            sb.AppendLine($"Score: {PythonText.Float(t.Score)}");
        }
        return sb.ToString();
    }

    internal IEnumerable<Trial> Ranked() =>
        _trials.Where(t => !double.IsNaN(t.Score)).OrderBy(t => Objective.SortKey(t.Score));

    /// <summary>A new configuration: values for every known dimension drawn at random, avoiding ones already tried
    /// (null when 100 draws in a row repeat, i.e. the space is exhausted). Dimensions met later are sampled as they appear.</summary>
    internal HyperParameters? NextConfiguration()
    {
        for (int attempt = 0; attempt < 100; attempt++)
        {
            var hp = new HyperParameters();
            foreach (var p in SearchSpace) hp.Set(p.Name, p.Sample(Rng));
            if (_trials.Count == 0 || !_tried.Contains(hp.Key))
            {
                hp.Sampler = p => p.Sample(Rng);
                return hp;
            }
        }
        return null;
    }

    /// <summary>Builds the model for a configuration.</summary>
    internal Model Build(HyperParameters hp) => _hypermodel(hp)
        ?? throw new InvalidOperationException($"The hypermodel of {GetType().Name} returned null; it must return a compiled Model.");

    /// <summary>Records a trial (its key marks the configuration as tried).</summary>
    internal Trial AddTrial(HyperParameters hp)
    {
        var trial = new Trial(_trials.Count.ToString("00"), hp);
        _trials.Add(trial);
        return trial;
    }

    internal void MarkTried(Trial trial) => _tried.Add(trial.HyperParameters.Key);

    /// <summary>The notebook's stop button for a search (<see cref="DisplayHook.Cancellation"/>), read when it starts;
    /// none outside a notebook. Each trial's Fit reads the same token and checks it between steps.</summary>
    internal static CancellationToken SearchToken() => DisplayHook.Cancellation?.Invoke() ?? CancellationToken.None;

    /// <summary>Between trials: throws a <see cref="KeyboardInterruptException"/> once the notebook stopped the search.</summary>
    internal void ThrowIfStopped(CancellationToken token)
    {
        if (token.IsCancellationRequested) throw KeyboardInterruptException.Search(Ranked().Count(), token);
    }

    /// <summary>Trains <see cref="ExecutionsPerTrial"/> fresh models of a configuration for <paramref name="epochs"/>.
    /// A trial stopped by the notebook is dropped (its Fit's interrupt is rethrown), so the results hold finished trials.</summary>
    internal Trial RunTrial(HyperParameters hp, FitArguments fit, int epochs, int verbose)
    {
        var trial = AddTrial(hp);
        try { return RunTrial(trial, fit, epochs, verbose); }
        catch (OperationCanceledException) { _trials.Remove(trial); throw; }
    }

    private Trial RunTrial(Trial trial, FitArguments fit, int epochs, int verbose)
    {
        var hp = trial.HyperParameters;
        var clock = Stopwatch.StartNew();
        var scores = new List<double>();
        var metrics = new Dictionary<string, List<double>>();
        double best = double.NaN;
        for (int e = 0; e < ExecutionsPerTrial; e++)
        {
            var model = Build(hp);
            var history = fit.Fit(model, epochs);
            var (value, step) = Objective.Best(history);
            scores.Add(value);
            foreach (var (k, v) in history.History) (metrics.TryGetValue(k, out var l) ? l : metrics[k] = []).Add(v[Math.Min(step, v.Count - 1)]);
            if (double.IsNaN(best) || Objective.Better(value, best)) { best = value; trial.Model = model; trial.BestStep = step; }
        }
        trial.Score = scores.Average();
        trial.Epochs = epochs;
        trial.Metrics = metrics.ToDictionary(kv => kv.Key, kv => kv.Value.Average());
        MarkTried(trial);
        if (verbose > 0) Report(trial, clock.Elapsed);
        return trial;
    }

    internal void Report(Trial trial, TimeSpan elapsed)
    {
        Console.WriteLine($"Trial {int.Parse(trial.TrialId) + 1} Complete [{elapsed:hh\\h\\ mm\\m\\ ss\\s}]");
        Console.WriteLine($"{Objective.Name}: {PythonText.Float(trial.Score)}");
        Console.WriteLine();
        var best = Ranked().First();
        Console.WriteLine($"Best {Objective.Name} So Far: {PythonText.Float(best.Score)}");
    }

    internal static FitArguments Arguments(Tensor x, Tensor y, int? batchSize, (Tensor X, Tensor Y)? validationData, double validationSplit,
        IEnumerable<Callback>? callbacks, bool shuffle) =>
        new(x, y, batchSize, validationData, validationSplit, callbacks?.ToArray() ?? [], shuffle);
}
