using NotebookNN.Registries;

namespace NotebookNN.Optimizers;

public abstract partial class Optimizer
{
    /// <summary>Keras's optimizer strings, each making a new optimizer with Keras's defaults.</summary>
    internal static readonly Registry<Optimizer> Names = Registry<Optimizer>.Identifiers("optimizer")
        .Add(_ => new SGD(), "sgd")
        .Add(_ => new Adam(), "adam")
        .Add(_ => new RMSprop(), "rmsprop")
        .Add(_ => new Adagrad(), "adagrad")
        .Add(_ => new AdamW(), "adamw")
        .Add(_ => new Nadam(), "nadam");

    /// <summary>
    /// A new optimizer with Keras's defaults from its string name (Keras's <c>optimizers.get</c>), case-insensitive:
    /// <c>sgd</c>, <c>adam</c>, <c>rmsprop</c>, <c>adagrad</c>, <c>adamw</c>, <c>nadam</c>.
    /// </summary>
    internal static Optimizer Get(string identifier) => Names.Resolve(identifier);
}
