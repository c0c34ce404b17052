namespace NotebookNN.Optimizers;

public abstract partial class Optimizer
{
    private static readonly Dictionary<string, Func<Optimizer>> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sgd"] = () => new SGD(),
        ["adam"] = () => new Adam(),
        ["rmsprop"] = () => new RMSprop(),
        ["adagrad"] = () => new Adagrad(),
        ["adamw"] = () => new AdamW(),
        ["nadam"] = () => new Nadam(),
    };

    /// <summary>
    /// A new optimizer with Keras's defaults from its string name (Keras's <c>optimizers.get</c>), case-insensitive:
    /// <c>sgd</c>, <c>adam</c>, <c>rmsprop</c>, <c>adagrad</c>, <c>adamw</c>, <c>nadam</c>.
    /// </summary>
    internal static Optimizer Get(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return ByName.TryGetValue(identifier.Trim(), out var create) ? create()
            : throw new ArgumentException($"Could not interpret optimizer identifier: '{identifier}'. " +
                $"Expected one of: {string.Join(", ", ByName.Keys)}.", nameof(identifier));
    }
}
