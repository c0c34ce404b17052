using NotebookNN.Tensors;

namespace NotebookNN.Layers;

/// <summary>
/// While a saved model's config builds the model, how many weight values it may still create: no more than the file's
/// weight entries hold (their .npy headers, each checked against its entry's length). <c>Layer.AddWeight</c> asks before
/// it allocates, so a 3 KB file whose config says <c>"units": 150000000</c> fails before the weights are made and
/// initialised, and peak memory follows the data the file really holds.
/// </summary>
internal sealed class WeightBudget : IDisposable
{
    [ThreadStatic] private static WeightBudget? _current;

    private readonly WeightBudget? _outer;
    private readonly string _path;
    private readonly long _total;
    private readonly int _entries;
    private long _remaining;

    private WeightBudget(string path, long total, int entries)
    {
        (_path, _total, _entries, _remaining, _outer) = (path, total, entries, total, _current);
        _current = this;
    }

    /// <summary>Limits the weights built on this thread, until disposed, to the values of <paramref name="shapes"/>.</summary>
    public static WeightBudget Enter(string path, IReadOnlyList<int[]> shapes)
    {
        long total = 0;
        foreach (var dims in shapes) total += Shape.SizeOf(dims); // each checked by the header reader; the sum fits a long
        return new WeightBudget(path, total, shapes.Count);
    }

    /// <summary>Takes weight <paramref name="name"/> of layer <paramref name="layer"/> from the budget, if one is active; throws when the file holds too few values.</summary>
    public static void Take(string layer, string name, Shape shape)
    {
        if (_current is not { } budget) return;
        long size = Shape.TrySizeOf(shape.Dims, out int n) ? n : long.MaxValue;
        if (size > budget._remaining)
            throw new InvalidDataException(Invariant(
                $"File '{budget._path}' is damaged: its config.json makes weight '{layer}/{name}' of shape {shape} ({Shape.ElementCount(shape.Dims)} values), but its {budget._entries} weight entries hold {budget._total} values in all, {budget._remaining} of them not yet used by the weights before it."));
        budget._remaining -= size;
    }

    public void Dispose() => _current = _outer;
}
