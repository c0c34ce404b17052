using NotebookNN.Losses;
using NotebookNN.Metrics;

namespace NotebookNN.Models;

/// <summary>
/// What <c>Compile</c> said about each output of a model: its loss, the loss's weight in the total and its metrics,
/// with the log names Keras 2 gives them (<c>main_output_loss</c>, <c>aux_output_mae</c>; no prefix for one output).
/// </summary>
internal sealed class OutputHeads
{
    private OutputHeads(string[] names, Loss[] losses, double[] weights, Metric[][] metrics)
    {
        Names = names;
        Losses = losses;
        Weights = weights;
        Metrics = metrics;
    }

    public string[] Names { get; }
    public Loss[] Losses { get; }
    public double[] Weights { get; }
    public Metric[][] Metrics { get; }

    /// <summary>The log key of output <paramref name="i"/>'s <paramref name="what"/> (<c>loss</c> or a metric name).</summary>
    public string Key(int i, string what) => Names.Length == 1 ? what : $"{Names[i]}_{what}";

    public static OutputHeads Resolve(string[] names, Loss single, IReadOnlyList<Loss>? list, IReadOnlyDictionary<string, Loss>? byName,
        IReadOnlyList<double>? weightList, IReadOnlyDictionary<string, double>? weightByName,
        IReadOnlyList<Metric> everyOutput, IReadOnlyDictionary<string, IEnumerable<Metric>>? metricsByName)
    {
        int n = names.Length;
        var losses = list is not null ? CheckCount(list, n, "loss").ToArray()
            : byName is not null ? names.Select(k => Lookup(byName, k, names, "loss")).ToArray()
            : Enumerable.Repeat(single, n).ToArray();
        var weights = weightList is not null ? CheckCount(weightList, n, "loss_weights").ToArray()
            : weightByName is not null ? names.Select(k => weightByName.TryGetValue(k, out var w) ? w : 1.0).ToArray()
            : Enumerable.Repeat(1.0, n).ToArray();
        if (weightByName?.Keys.FirstOrDefault(k => !names.Contains(k)) is { } unknownWeight)
            throw UnknownOutput("loss_weights", unknownWeight, names);
        if (metricsByName?.Keys.FirstOrDefault(k => !names.Contains(k)) is { } unknownMetric)
            throw UnknownOutput("metrics", unknownMetric, names);
        var metrics = names.Select(k =>
        {
            var given = everyOutput.Concat(metricsByName is not null && metricsByName.TryGetValue(k, out var m) ? m : []).ToList();
            if (n > 1 && given.Any(g => g is not NamedMetric) && everyOutput.Any(g => g is not NamedMetric))
                throw new ArgumentException("A metric object given for every output would be shared between outputs; pass metrics by name (\"mae\") or per output with `outputMetrics`.");
            return given.Select(MetricRegistry.Resolve).ToArray();
        }).ToArray();
        return new OutputHeads(names, losses, weights, metrics);
    }

    private static IReadOnlyList<T> CheckCount<T>(IReadOnlyList<T> items, int n, string what)
    {
        if (items.Count != n)
            throw new ArgumentException($"When passing a list as `{what}`, it should have one entry per model output. The model has {n} output(s), but you passed {what} with {items.Count} entries.");
        return items;
    }

    private static Loss Lookup(IReadOnlyDictionary<string, Loss> byName, string key, string[] names, string what)
    {
        if (byName.Keys.FirstOrDefault(k => !names.Contains(k)) is { } unknown) throw UnknownOutput(what, unknown, names);
        return byName.TryGetValue(key, out var l) ? l
            : throw new ArgumentException($"No {what} given for output \"{key}\". Expected keys: [{string.Join(", ", names.Select(x => $"'{x}'"))}]");
    }

    private static ArgumentException UnknownOutput(string what, string key, string[] names) =>
        new($"Unknown entry in {what} dictionary: \"{key}\". Only expected the following keys: [{string.Join(", ", names.Select(x => $"'{x}'"))}]");
}
