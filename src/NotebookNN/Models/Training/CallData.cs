using NotebookNN.Compute.Drivers;
using NotebookNN.Tensors;

namespace NotebookNN.Models;

/// <summary>
/// The arrays of one Fit / Evaluate / Predict call: one per model input, one per output (none to predict), and a
/// weight per sample. The single-array forms are lists of one, named as the user wrote them (<c>x</c>, <c>y</c>,
/// <c>validation x</c>); the list forms name each array (<c>x[0]</c>, <c>y[1]</c>). Checks live in
/// <see cref="Check"/> (CallData.Checks.cs); batches are views in order, gathered rows of a shuffled order.
/// </summary>
internal sealed partial class CallData(Tensor[] x, Tensor[] y, Tensor? sampleWeight, bool listed, string prefix = "")
{
    public Tensor[] X { get; } = x;
    public Tensor[] Y { get; } = y;
    public Tensor? SampleWeight { get; } = sampleWeight;

    /// <summary>One input array and one target array (the single-array forms of Fit, Evaluate, the on-batch calls).</summary>
    public static CallData Of(Tensor x, Tensor y, Tensor? sampleWeight = null, string prefix = "") => new([x], [y], sampleWeight, false, prefix);

    /// <summary>One array to predict on.</summary>
    public static CallData Of(Tensor x) => new([x], [], null, false);

    /// <summary>Lists of arrays: one per input, one per output.</summary>
    public static CallData Lists(Tensor[] x, Tensor[] y, Tensor? sampleWeight = null, string prefix = "") => new(x, y, sampleWeight, true, prefix);

    /// <summary>The arrays of a dictionary in the order of <paramref name="names"/> (the model's input or output
    /// names), with Keras's message for a missing or unknown key.</summary>
    public static Tensor[] ByName(IReadOnlyDictionary<string, Tensor> data, IReadOnlyList<string> names, string what)
    {
        ArgumentNullException.ThrowIfNull(data);
        string expected = "[" + string.Join(", ", names.Select(n => $"'{n}'")) + "]";
        if (data.Keys.FirstOrDefault(k => !names.Contains(k)) is { } unknown)
            throw new ArgumentException($"Unknown entry in {what} dictionary: \"{unknown}\". Only expected the following keys: {expected}");
        return names.Select(n => data.TryGetValue(n, out var t) ? t
            : throw new ArgumentException($"Missing data for {what} \"{n}\". You passed a data dictionary with keys [{string.Join(", ", data.Keys.Select(k => $"'{k}'"))}]. Expected the following keys: {expected}")).ToArray();
    }

    /// <summary>Number of samples.</summary>
    public int Count => X[0].Shape[0];

    private string Name(string what, int i) => listed ? $"{prefix}{what}[{i}]" : prefix + what;

    /// <summary>Samples [start, end) of every input array into <paramref name="into"/>, which it returns.</summary>
    public Tensor[] BatchX(int[]? order, int start, int end, Tensor[] into) => BatchInto(X, order, start, end, into);

    /// <summary>Samples [start, end) of every target array into <paramref name="into"/>, which it returns.</summary>
    public Tensor[] BatchY(int[]? order, int start, int end, Tensor[] into) => BatchInto(Y, order, start, end, into);

    private static Tensor[] BatchInto(Tensor[] ts, int[]? order, int start, int end, Tensor[] into)
    {
        for (int i = 0; i < ts.Length; i++) into[i] = BatchOf(ts[i], order, start, end);
        return into;
    }

    /// <summary>Samples [start, end) of one array: a view in order, the gathered rows of a shuffled order.</summary>
    public static Tensor BatchOf(Tensor t, int[]? order, int start, int end) =>
        order is null ? t.AxisView(0, start, end - start) : Rows(t, order.AsSpan(start, end - start));

    /// <summary>The rows <paramref name="idx"/> (valid by construction: a permutation) of t, in step-arena storage,
    /// without the copies of the index list a general <see cref="Tensor.Gather(int[], int)"/> makes.</summary>
    private static Tensor Rows(Tensor t, ReadOnlySpan<int> idx)
    {
        int n = t.Dims[0];
        var rows = Tensor.NewUninitialized(t.Dims, 0, idx.Length);
        RowGather.Gather(t.Contiguous().Span, rows.Span, idx, 1, n, n == 0 ? 0 : t.Size / n);
        return rows;
    }

    /// <summary>Keras's validation_split: the last fraction of the samples, taken before any shuffling.</summary>
    public (CallData Train, CallData Validation) SplitValidation(double split)
    {
        if (!(split > 0 && split < 1))
            throw new ArgumentException(Invariant($"Argument `validation_split` must be a float between 0 and 1 (exclusive). Received: validation_split={split}"));
        int n = Count;
        int train = (int)Math.Floor(n * (1 - split));
        if (train == 0 || train == n)
            throw new ArgumentException(Invariant($"validation_split={split} leaves no samples for {(train == 0 ? "training" : "validation")} out of {n}."));
        return (new(Head(X, train), Head(Y, train), SampleWeight?[..train], listed, prefix),
                new(Tail(X, train), Tail(Y, train), null, listed, "validation " + prefix));
    }

    private static Tensor[] Head(Tensor[] ts, int count) => [.. ts.Select(t => t[..count])];

    private static Tensor[] Tail(Tensor[] ts, int count) => [.. ts.Select(t => t[count..])];

    /// <summary>class_weight as per-sample weights: the weight of each sample's class (sparse label or one-hot argmax)
    /// in the first target array, times any sample weight.</summary>
    public CallData WithClassWeights(IReadOnlyDictionary<int, double> classWeight)
    {
        var y = Y[0];
        var labels = y.NDim >= 2 && y.Shape[^1] > 1 ? y.ArgMax(axis: -1).ToArray() : y.ToArray();
        var w = new float[labels.Length];
        for (int i = 0; i < w.Length; i++)
        {
            int c = (int)labels[i];
            if (!classWeight.TryGetValue(c, out var cw))
                throw new ArgumentException($"Expected `class_weight` to have a weight for every class in y. Class {c} (sample {i}) has none; keys given: {string.Join(", ", classWeight.Keys)}.");
            w[i] = (float)cw;
        }
        var t = Tensor.From(w);
        return new(X, Y, SampleWeight is null ? t : t * SampleWeight, listed, prefix);
    }
}
