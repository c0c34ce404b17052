using NotebookNN.Models;
using NotebookNN.Tensors;

namespace NotebookNN.Tuning;

/// <summary>
/// KerasTuner's <c>Hyperband</c> (Li et al. 2018): brackets of random configurations trained for a few epochs, the best
/// 1/<see cref="Factor"/> of each round continuing (from their weights) for <see cref="Factor"/> times more epochs,
/// up to <see cref="MaxEpochs"/>.
/// </summary>
public sealed class Hyperband : Tuner
{
    /// <summary>Sets up the search.</summary>
    public Hyperband(Func<HyperParameters, Model> hypermodel, string objective = "val_loss", int maxEpochs = 100, int factor = 3,
        int hyperbandIterations = 1, int? seed = null, int executionsPerTrial = 1, string? direction = null)
        : base(hypermodel, objective, executionsPerTrial, seed, direction)
    {
        if (maxEpochs < 1) throw new ArgumentException($"`max_epochs` must be positive. Received: max_epochs={maxEpochs}");
        if (factor < 2) throw new ArgumentException($"`factor` must be at least 2. Received: factor={factor}");
        if (hyperbandIterations < 1) throw new ArgumentException($"`hyperband_iterations` must be positive. Received: {hyperbandIterations}");
        (MaxEpochs, Factor, HyperbandIterations) = (maxEpochs, factor, hyperbandIterations);
    }

    /// <summary>Most epochs any configuration trains.</summary>
    public int MaxEpochs { get; }
    /// <summary>Reduction factor between rounds.</summary>
    public int Factor { get; }
    /// <summary>How many times the whole set of brackets runs.</summary>
    public int HyperbandIterations { get; }

    /// <summary>Runs the brackets; <paramref name="epochs"/> is ignored (the schedule comes from <see cref="MaxEpochs"/>).</summary>
    public override void Search(Tensor x, Tensor y, int epochs = 1, int? batchSize = null, (Tensor X, Tensor Y)? validationData = null,
        double validationSplit = 0, IEnumerable<Callback>? callbacks = null, bool shuffle = true, int verbose = 1)
    {
        var fit = Arguments(x, y, batchSize, validationData, validationSplit, callbacks, shuffle);
        var token = SearchToken();
        int sMax = (int)Math.Floor(Math.Log(MaxEpochs) / Math.Log(Factor) + 1e-9);
        for (int iteration = 0; iteration < HyperbandIterations; iteration++)
            for (int s = sMax; s >= 0; s--)
                RunBracket(s, sMax, fit, verbose, token);
    }

    private void RunBracket(int s, int sMax, FitArguments fit, int verbose, CancellationToken token)
    {
        int n = (int)Math.Ceiling((sMax + 1) / (double)(s + 1) * Math.Pow(Factor, s));
        var alive = new List<(Trial Trial, Model Model)>();
        for (int i = 0; i < n; i++)
        {
            var hp = NextConfiguration();
            if (hp is null) break;
            var model = Build(hp);
            var trial = AddTrial(hp);
            MarkTried(trial);
            alive.Add((trial, model));
        }
        for (int round = 0; round <= s && alive.Count > 0; round++)
        {
            int roundEpochs = Math.Min(MaxEpochs, Math.Max(1, (int)Math.Round(MaxEpochs * Math.Pow(Factor, round - s))));
            foreach (var (trial, model) in alive)
            {
                ThrowIfStopped(token);
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var history = fit.Fit(model, roundEpochs, initialEpoch: trial.Epochs);
                if (roundEpochs > trial.Epochs)
                {
                    var (value, step) = Objective.Best(history);
                    if (double.IsNaN(trial.Score) || Objective.Better(value, trial.Score)) { trial.Score = value; trial.BestStep = trial.Epochs + step; }
                    trial.Metrics = history.History.ToDictionary(kv => kv.Key, kv => kv.Value[Math.Min(step, kv.Value.Count - 1)]);
                }
                trial.Epochs = roundEpochs;
                trial.Model = model;
                if (verbose > 0) Report(trial, clock.Elapsed);
            }
            int keep = Math.Max(1, alive.Count / Factor);
            alive = alive.OrderBy(a => Objective.SortKey(a.Trial.Score)).Take(keep).ToList();
        }
    }
}
