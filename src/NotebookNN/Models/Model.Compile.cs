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
    public Model Compile(Optimizer? optimizer = null, Loss? loss = null, IEnumerable<Metric>? metrics = null)
    {
        ResetOutputSettings();
        Optimizer = optimizer ?? Optimizer.Get("rmsprop");
        Loss = loss ?? throw new ArgumentException("Compile needs a loss, e.g. loss: \"mse\" or loss: \"sparse_categorical_crossentropy\". Received: loss=null");
        Metrics = (metrics ?? []).Select(m => MetricRegistry.Resolve(m)).ToList();
        var names = Metrics.Select(m => m.Name).Prepend("loss").ToList();
        var dup = names.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null)
            throw new ArgumentException($"Found two metrics with the same name: {dup.Key}. All the metrics added to the model need to have unique names.");
        return this;
    }

    internal void EnsureCompiled()
    {
        if (!IsCompiled) throw new InvalidOperationException("You must call `compile()` before using the model.");
    }
}
