using NotebookNN.Tensors;

namespace NotebookNN.Models;

/// <summary>Checks, dictionary lookup and slicing of the lists of arrays given to a model with several inputs or outputs.</summary>
internal static class MultiData
{
    /// <summary>The arrays of a dictionary in the order of <paramref name="names"/>, with Keras's message for a missing or unknown key.</summary>
    public static Tensor[] FromDictionary(IReadOnlyDictionary<string, Tensor> data, IReadOnlyList<string> names, string what)
    {
        ArgumentNullException.ThrowIfNull(data);
        string expected = "[" + string.Join(", ", names.Select(n => $"'{n}'")) + "]";
        if (data.Keys.FirstOrDefault(k => !names.Contains(k)) is { } unknown)
            throw new ArgumentException($"Unknown entry in {what} dictionary: \"{unknown}\". Only expected the following keys: {expected}");
        return names.Select(n => data.TryGetValue(n, out var t) ? t
            : throw new ArgumentException($"Missing data for {what} \"{n}\". You passed a data dictionary with keys [{string.Join(", ", data.Keys.Select(k => $"'{k}'"))}]. Expected the following keys: {expected}")).ToArray();
    }

    /// <summary>Every array non-null, with a samples axis, finite, and the same number of samples.</summary>
    public static int CheckArrays(Tensor[] xs, Tensor[] ys)
    {
        ArgumentNullException.ThrowIfNull(xs);
        ArgumentNullException.ThrowIfNull(ys);
        if (xs.Length == 0) throw new ArgumentException("Expected at least one input array. Received: x=[]");
        var all = xs.Select((t, i) => (t, $"x[{i}]")).Concat(ys.Select((t, i) => (t, $"y[{i}]"))).ToList();
        foreach (var (t, name) in all)
        {
            ArgumentNullException.ThrowIfNull(t, name);
            TrainingData.CheckSamples(t, name);
        }
        int n = xs[0].Shape[0];
        if (all.Any(a => a.t.Shape[0] != n))
            throw new ArgumentException("Data cardinality is ambiguous:\n" + string.Join("\n", all.Select(a => $"  {a.Item2} sizes: {a.t.Shape[0]}")) +
                "\nMake sure all arrays contain the same number of samples.");
        if (n == 0) throw new ArgumentException($"Expected input data to be non-empty. Received: x[0].shape={xs[0].Shape}");
        foreach (var (t, name) in all) TrainingData.CheckFinite(t, name);
        return n;
    }

    /// <summary>Samples [start, end) of every array (views in order, gathered rows for a shuffled order).</summary>
    public static Tensor[] Batch(Tensor[] ts, int[]? order, int start, int end) => BatchInto(ts, order, start, end, new Tensor[ts.Length]);

    /// <summary><see cref="Batch"/> into <paramref name="into"/> (one slot per array), which it returns.</summary>
    public static Tensor[] BatchInto(Tensor[] ts, int[]? order, int start, int end, Tensor[] into)
    {
        for (int i = 0; i < ts.Length; i++) into[i] = TrainingData.BatchOf(ts[i], order, start, end);
        return into;
    }

    /// <summary>The first <paramref name="count"/> samples and the rest, of every array.</summary>
    public static (Tensor[] Head, Tensor[] Tail) Split(Tensor[] ts, int count) =>
        (ts.Select(t => t[..count]).ToArray(), ts.Select(t => t[count..]).ToArray());
}
