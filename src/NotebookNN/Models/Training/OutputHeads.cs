using NotebookNN.Layers;
using NotebookNN.Losses;
using NotebookNN.Metrics;
using NotebookNN.Tensors;

namespace NotebookNN.Models;

/// <summary>
/// What <c>Compile</c> said about each output of a model: its loss, the loss's weight in the total and its metrics,
/// with the log names Keras 2 gives them (<c>main_output_loss</c>, <c>aux_output_mae</c>; no prefix for one output),
/// and the outputs the trainer computes the loss of from their logits (<see cref="FromLogits"/>).
/// </summary>
internal sealed class OutputHeads
{
    private OutputHeads(string[] names, Loss[] losses, double[] weights, Metric[][] metrics, Loss?[] fromLogits, ActivationFunction?[] activations)
    {
        _activations = activations;
        Names = names;
        Losses = losses;
        Weights = weights;
        Metrics = metrics;
        FromLogits = fromLogits;
        AnyFromLogits = fromLogits.Any(l => l is not null);
    }

    public string[] Names { get; }
    public Loss[] Losses { get; }
    public double[] Weights { get; }
    public Metric[][] Metrics { get; }

    /// <summary>
    /// Per output, the loss computed from the logits in place of <see cref="Losses"/>, or null: a cross-entropy (not
    /// already <c>fromLogits</c>) of an output whose last layer ends in the matching activation, softmax for the
    /// categorical ones and sigmoid for the binary one (<see cref="Model.OutputActivation"/>). The trainer then takes
    /// the logits from that layer (<see cref="Layers.IActivatedLayer"/>) and computes the loss with one fused, stable
    /// op, as Keras does with <c>from_logits=True</c>; the metrics still see the activation's output.
    /// </summary>
    public Loss?[] FromLogits { get; }

    /// <summary>The activation each output's last layer ended in when these heads were resolved.</summary>
    private readonly ActivationFunction?[] _activations;

    /// <summary>Whether the outputs still end in the activations these heads were resolved for (a layer added to a
    /// Sequential since then changes its output).</summary>
    public bool Fits(Func<int, ActivationFunction?> outputActivation)
    {
        for (int i = 0; i < _activations.Length; i++)
            if (outputActivation(i) != _activations[i]) return false;
        return true;
    }

    /// <summary>Whether any output is trained from its logits (the forward pass then keeps them).</summary>
    public bool AnyFromLogits { get; }

    /// <summary>The loss of output <paramref name="i"/> to compute from <paramref name="logits"/>, when it has them and
    /// the fused op takes their shape (softmax's takes (batch, classes): over a time axis the probabilities are used), else null.</summary>
    public Loss? LogitsLoss(int i, Tensor? logits) =>
        logits is not null && FromLogits[i] is { } loss && (logits.NDim == 2 || loss is BinaryCrossentropy) ? loss : null;

    /// <summary>The log key of output <paramref name="i"/>'s <paramref name="what"/> (<c>loss</c> or a metric name).</summary>
    public string Key(int i, string what) => Names.Length == 1 ? what : $"{Names[i]}_{what}";

    /// <summary>One head per output name: <paramref name="single"/> for every output unless <paramref name="given"/>
    /// has a list or a dictionary of losses, weights 1 unless given.</summary>
    public static OutputHeads Resolve(string[] names, Loss single, OutputSettings given, Func<int, ActivationFunction?> outputActivation)
    {
        var (list, byName, weightList, weightByName) = (given.LossList, given.LossByOutput, given.WeightList, given.WeightByOutput);
        var (everyOutput, metricsByName) = (given.EveryOutput, given.MetricsByOutput);
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
        var activations = Enumerable.Range(0, n).Select(outputActivation).ToArray();
        var fromLogits = losses.Select((l, i) => LogitsForm(l, activations[i])).ToArray();
        return new OutputHeads(names, losses, weights, metrics, fromLogits, activations);
    }

    /// <summary>The from-logits form of <paramref name="loss"/> for an output ending in <paramref name="activation"/>, or null.</summary>
    private static Loss? LogitsForm(Loss loss, ActivationFunction? activation) => loss switch
    {
        CategoricalCrossentropy { FromLogits: false } when activation == Activations.Softmax => new CategoricalCrossentropy(fromLogits: true),
        SparseCategoricalCrossentropy { FromLogits: false } when activation == Activations.Softmax => new SparseCategoricalCrossentropy(fromLogits: true),
        BinaryCrossentropy { FromLogits: false } when activation == Activations.Sigmoid => new BinaryCrossentropy(fromLogits: true),
        _ => null,
    };

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
