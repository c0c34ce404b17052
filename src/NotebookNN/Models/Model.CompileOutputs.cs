using NotebookNN.Losses;
using NotebookNN.Metrics;
using NotebookNN.Optimizers;

namespace NotebookNN.Models;

public partial class Model
{
    private IReadOnlyList<Loss>? _lossList;
    private IReadOnlyDictionary<string, Loss>? _lossByOutput;
    private IReadOnlyList<double>? _lossWeightList;
    private IReadOnlyDictionary<string, double>? _lossWeightByOutput;
    private IReadOnlyList<Metric>? _metricsForEveryOutput;
    private IReadOnlyDictionary<string, IEnumerable<Metric>>? _metricsByOutput;
    private OutputHeads? _heads;

    /// <summary>
    /// Configures training for a model with several outputs: one loss per output, in output order
    /// (<c>loss: ["mse", "mse"], lossWeights: [0.9, 0.1]</c>), as keras.Model.compile with lists.
    /// </summary>
    /// <param name="optimizer">Default <c>rmsprop</c>.</param>
    /// <param name="loss">One loss per output.</param>
    /// <param name="lossWeights">The weight of each output's loss in the total; default 1 each.</param>
    /// <param name="metrics">Metric names computed for every output (<c>main_output_mae</c>, …).</param>
    /// <param name="outputMetrics">Metrics for particular outputs, by output name.</param>
    public Model Compile(Optimizer? optimizer, IReadOnlyList<Loss> loss, IReadOnlyList<double>? lossWeights = null,
        IEnumerable<Metric>? metrics = null, IReadOnlyDictionary<string, IEnumerable<Metric>>? outputMetrics = null)
    {
        ArgumentNullException.ThrowIfNull(loss);
        if (loss.Count == 0) throw new ArgumentException("Compile needs at least one loss. Received: loss=[]");
        CompileOutputs(optimizer, loss[0], metrics, outputMetrics);
        _lossList = loss;
        _lossWeightList = lossWeights;
        return this;
    }

    /// <summary>Configures training with losses (and optionally loss weights) by output name, as keras.Model.compile with dicts.</summary>
    public Model Compile(Optimizer? optimizer, IReadOnlyDictionary<string, Loss> loss, IReadOnlyDictionary<string, double>? lossWeights = null,
        IEnumerable<Metric>? metrics = null, IReadOnlyDictionary<string, IEnumerable<Metric>>? outputMetrics = null)
    {
        ArgumentNullException.ThrowIfNull(loss);
        if (loss.Count == 0) throw new ArgumentException("Compile needs at least one loss. Received: loss={}");
        CompileOutputs(optimizer, loss.Values.First(), metrics, outputMetrics);
        _lossByOutput = loss;
        _lossWeightByOutput = lossWeights;
        return this;
    }

    /// <summary>Configures training with one loss for every output, weighted per output (<c>lossWeights: [0.9, 0.1]</c>).</summary>
    public Model Compile(Optimizer? optimizer, Loss loss, IReadOnlyList<double> lossWeights, IEnumerable<Metric>? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(lossWeights);
        CompileOutputs(optimizer, loss, metrics, null);
        _lossWeightList = lossWeights;
        return this;
    }

    private void CompileOutputs(Optimizer? optimizer, Loss loss, IEnumerable<Metric>? metrics, IReadOnlyDictionary<string, IEnumerable<Metric>>? outputMetrics)
    {
        var everyOutput = metrics?.ToList();
        Compile(optimizer, loss, everyOutput);
        _metricsForEveryOutput = everyOutput;
        _metricsByOutput = outputMetrics;
    }

    /// <summary>The compiled losses, weights and metrics of each output, resolved for the model's outputs on first use.</summary>
    internal OutputHeads Heads(int outputCount)
    {
        EnsureCompiled();
        if (_graph is not null && outputCount != Outputs.Count)
            throw new ArgumentException($"Model \"{Name}\" has {Outputs.Count} output(s), but {outputCount} target array(s) were given (outputs: {string.Join(", ", OutputNames)}).");
        if (_heads is { } h && h.Names.Length == outputCount && h.Fits(OutputActivation)) return h;
        var names = OutputNames.Count == outputCount ? OutputNames.ToArray()
            : Enumerable.Range(1, outputCount).Select(i => $"output_{i}").ToArray();
        return _heads = OutputHeads.Resolve(names, Loss!, _lossList, _lossByOutput, _lossWeightList, _lossWeightByOutput,
            _metricsForEveryOutput ?? Metrics, _metricsByOutput, OutputActivation);
    }

    /// <summary>The compile settings as saved: losses by name (one, a list or a dictionary), loss weights and metric names.</summary>
    internal (System.Text.Json.Nodes.JsonNode Losses, System.Text.Json.Nodes.JsonNode? Weights, string[] Metrics) CompileSettings()
    {
        System.Text.Json.Nodes.JsonNode losses = _lossList is not null ? new System.Text.Json.Nodes.JsonArray(_lossList.Select(l => (System.Text.Json.Nodes.JsonNode)l.Name).ToArray())
            : _lossByOutput is not null ? System.Text.Json.JsonSerializer.SerializeToNode(_lossByOutput.ToDictionary(kv => kv.Key, kv => kv.Value.Name))!
            : Loss!.Name;
        var weights = _lossWeightList is not null ? System.Text.Json.JsonSerializer.SerializeToNode(_lossWeightList.ToArray())
            : _lossWeightByOutput is not null ? System.Text.Json.JsonSerializer.SerializeToNode(_lossWeightByOutput) : null;
        return (losses, weights, (_metricsForEveryOutput ?? Metrics).Select(m => m.Name).ToArray());
    }

    /// <summary>Forgets per-output settings when the single-output <c>Compile</c> is called again.</summary>
    private void ResetOutputSettings()
    {
        _lossList = null; _lossByOutput = null; _lossWeightList = null; _lossWeightByOutput = null;
        _metricsForEveryOutput = null; _metricsByOutput = null; _heads = null;
    }
}
