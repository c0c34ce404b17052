using NotebookNN.Losses;
using NotebookNN.Metrics;
using NotebookNN.Optimizers;

namespace NotebookNN.Models;

public partial class Model
{
    /// <summary>The optimizer given to <c>Compile</c>; null before.</summary>
    public Optimizer? Optimizer { get; private set; }

    /// <summary>The loss given to <c>Compile</c>; null before.</summary>
    public Loss? Loss { get; private set; }

    /// <summary>The compiled metrics, resolved (<c>accuracy</c> → the right accuracy for the loss).</summary>
    public IReadOnlyList<Metric> Metrics { get; private set; } = [];

    /// <summary>Whether <c>Compile</c> has been called.</summary>
    public bool IsCompiled => Optimizer is not null && Loss is not null;

    /// <summary>
    /// Configures training (keras.Model.compile): strings or objects for each argument, e.g.
    /// <c>Compile(loss: "sparse_categorical_crossentropy", optimizer: "adam", metrics: ["accuracy"])</c>.
    /// Returns the model, so calls chain.
    /// </summary>
    /// <param name="optimizer">Default <c>rmsprop</c>, as Keras.</param>
    /// <param name="loss">A Keras loss name or object; required.</param>
    /// <param name="metrics">Metric names or objects reported during training and evaluation.</param>
    public Model Compile(Optimizer? optimizer = null, Loss? loss = null, IEnumerable<Metric>? metrics = null) =>
        Compile(optimizer, loss, metrics, perOutput: null);

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
        return Compile(optimizer, loss[0], metrics, perOutput: new() { LossList = loss, WeightList = lossWeights, MetricsByOutput = outputMetrics });
    }

    /// <summary>Configures training with losses (and optionally loss weights) by output name, as keras.Model.compile with dicts.</summary>
    public Model Compile(Optimizer? optimizer, IReadOnlyDictionary<string, Loss> loss, IReadOnlyDictionary<string, double>? lossWeights = null,
        IEnumerable<Metric>? metrics = null, IReadOnlyDictionary<string, IEnumerable<Metric>>? outputMetrics = null)
    {
        ArgumentNullException.ThrowIfNull(loss);
        if (loss.Count == 0) throw new ArgumentException("Compile needs at least one loss. Received: loss={}");
        return Compile(optimizer, loss.Values.First(), metrics, perOutput: new() { LossByOutput = loss, WeightByOutput = lossWeights, MetricsByOutput = outputMetrics });
    }

    /// <summary>Configures training with one loss for every output, weighted per output (<c>lossWeights: [0.9, 0.1]</c>).</summary>
    public Model Compile(Optimizer? optimizer, Loss loss, IReadOnlyList<double> lossWeights, IEnumerable<Metric>? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(lossWeights);
        return Compile(optimizer, loss, metrics, perOutput: new() { WeightList = lossWeights });
    }

    /// <summary>
    /// The one body of every <c>Compile</c> form (Keras 3's compile is one method): checks the loss and the metrics'
    /// names, then replaces every setting of an earlier call at once. <paramref name="perOutput"/> is null for the
    /// single-loss form; otherwise its metrics for every output are the ones given here, kept unresolved so each output
    /// resolves its own (<c>accuracy</c> for its loss).
    /// </summary>
    private Model Compile(Optimizer? optimizer, Loss? loss, IEnumerable<Metric>? metrics, OutputSettings? perOutput)
    {
        if (loss is null)
            throw new ArgumentException("Compile needs a loss, e.g. loss: \"mse\" or loss: \"sparse_categorical_crossentropy\". Received: loss=null");
        var given = metrics?.ToList() ?? [];
        var resolved = given.Select(m => MetricRegistry.Resolve(m)).ToList();
        var dup = resolved.Select(m => m.Name).Prepend("loss").GroupBy(n => n).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null)
            throw new ArgumentException($"Found two metrics with the same name: {dup.Key}. All the metrics added to the model need to have unique names.");
        Optimizer = optimizer ?? Optimizer.Get("rmsprop");
        Loss = loss;
        Metrics = resolved;
        _outputSettings = perOutput is null ? null : perOutput with { EveryOutput = given };
        _heads = null;
        return this;
    }

    internal void EnsureCompiled()
    {
        if (!IsCompiled) throw new InvalidOperationException("You must call `compile()` before using the model.");
    }
}
