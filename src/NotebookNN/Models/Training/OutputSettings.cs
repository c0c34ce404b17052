using NotebookNN.Losses;
using NotebookNN.Metrics;

namespace NotebookNN.Models;

/// <summary>
/// What <c>Compile</c> was given for the outputs of a model beside its one loss: a list or a dictionary of losses,
/// loss weights as a list or by output name, metrics for every output and metrics by output name. Each is null when
/// not given (the metrics for every output: empty); <see cref="OutputHeads.Resolve"/> turns them into one head per output.
/// </summary>
internal sealed record OutputSettings
{
    public IReadOnlyList<Loss>? LossList { get; init; }
    public IReadOnlyDictionary<string, Loss>? LossByOutput { get; init; }
    public IReadOnlyList<double>? WeightList { get; init; }
    public IReadOnlyDictionary<string, double>? WeightByOutput { get; init; }

    /// <summary>Metrics computed for every output, as given (each output resolves its own: <c>accuracy</c> for its loss).</summary>
    public IReadOnlyList<Metric> EveryOutput { get; init; } = [];

    public IReadOnlyDictionary<string, IEnumerable<Metric>>? MetricsByOutput { get; init; }
}
