using System.Text.Json;
using System.Text.Json.Nodes;

namespace NotebookNN.Models;

public partial class Model
{
    /// <summary>What a per-output <c>Compile</c> form was given beside the loss; null after the single-loss form.</summary>
    private OutputSettings? _outputSettings;
    private OutputHeads? _heads;

    /// <summary>The compiled losses, weights and metrics of each output, resolved for the model's outputs on first use.</summary>
    internal OutputHeads Heads(int outputCount)
    {
        EnsureCompiled();
        if (_graph is not null && outputCount != Outputs.Count)
            throw new ArgumentException($"Model \"{Name}\" has {Outputs.Count} output(s), but {outputCount} target array(s) were given (outputs: {string.Join(", ", OutputNames)}).");
        if (_heads is { } h && h.Names.Length == outputCount && h.Fits(OutputActivation)) return h;
        var names = OutputNames.Count == outputCount ? OutputNames.ToArray()
            : Enumerable.Range(1, outputCount).Select(i => $"output_{i}").ToArray();
        return _heads = OutputHeads.Resolve(names, Loss!, _outputSettings ?? new() { EveryOutput = Metrics }, OutputActivation);
    }

    /// <summary>The compile settings as saved: losses by name (one, a list or a dictionary), loss weights and metric names.</summary>
    internal (JsonNode Losses, JsonNode? Weights, string[] Metrics) CompileSettings()
    {
        var o = _outputSettings;
        JsonNode losses = o?.LossList is { } list ? new JsonArray(list.Select(l => (JsonNode)l.Name).ToArray())
            : o?.LossByOutput is { } byOutput ? JsonSerializer.SerializeToNode(byOutput.ToDictionary(kv => kv.Key, kv => kv.Value.Name))!
            : Loss!.Name;
        var weights = o?.WeightList is { } weightList ? JsonSerializer.SerializeToNode(weightList.ToArray())
            : o?.WeightByOutput is { } weightByOutput ? JsonSerializer.SerializeToNode(weightByOutput) : null;
        return (losses, weights, (o?.EveryOutput ?? Metrics).Select(m => m.Name).ToArray());
    }
}
