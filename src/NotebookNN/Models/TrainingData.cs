using System.Globalization;
using NotebookNN.Compute.Drivers;
using NotebookNN.Compute.Ops;
using NotebookNN.Tensors;

namespace NotebookNN.Models;

/// <summary>Checks and slicing of the arrays given to Fit / Evaluate / Predict, with Keras's messages.</summary>
internal static class TrainingData
{
    public static void CheckPair(Tensor x, Tensor y, string xName, string yName)
    {
        ArgumentNullException.ThrowIfNull(x, xName);
        ArgumentNullException.ThrowIfNull(y, yName);
        CheckSamples(x, xName);
        CheckSamples(y, yName);
        if (x.Shape[0] == 0)
            throw new ArgumentException($"Expected input data to be non-empty. Received: {xName}.shape={x.Shape}");
        if (x.Shape[0] != y.Shape[0])
            throw new ArgumentException($"Data cardinality is ambiguous:\n  {xName} sizes: {x.Shape[0]}\n  {yName} sizes: {y.Shape[0]}\nMake sure all arrays contain the same number of samples.");
        CheckFinite(x, xName);
        CheckFinite(y, yName);
    }

    public static void CheckSamples(Tensor t, string name)
    {
        if (t.NDim == 0)
            throw new ArgumentException($"Expected {name} to have a samples axis (at least 1 dimension). Received: {name}.shape={t.Shape}");
    }

    public static void CheckSampleWeight(Tensor x, Tensor w)
    {
        if (w.NDim != 1 || w.Shape[0] != x.Shape[0])
            throw new ArgumentException($"Expected sample_weight to have shape ({x.Shape[0]},), one weight per sample. Received: sample_weight.shape={w.Shape}");
    }

    /// <summary>NaN or infinity in the data would make every loss NaN; name the first offending sample instead.</summary>
    public static void CheckFinite(Tensor t, string name)
    {
        var span = t.Contiguous().Span;
        // A sum is finite exactly when no element is NaN or infinite (barring overflow, which the scan below clears);
        // the reduction driver splits large inputs across the cores (Fit scans all of x on every call).
        if (float.IsFinite(ReduceDriver.Aggregate<IdentityOp, AddOp>(span))) return;
        int perSample = Math.Max(1, t.Size / Math.Max(1, t.Shape[0]));
        for (int i = 0; i < span.Length; i++)
            if (!float.IsFinite(span[i]))
                throw new ArgumentException($"Expected {name} to hold finite numbers, but sample {i / perSample} contains {span[i].ToString(CultureInfo.InvariantCulture)} (element {i % perSample} of the sample).");
    }

    public static void CheckVerbose(int verbose)
    {
        if (verbose is < 0 or > 2) throw new ArgumentException($"Argument `verbose` must be 0, 1 or 2. Received: verbose={verbose}");
    }

    public static int CheckBatchSize(int? batchSize)
    {
        int bs = batchSize ?? 32;
        if (bs <= 0) throw new ArgumentException($"Argument `batch_size` must be a positive integer. Received: batch_size={bs}");
        return bs;
    }

    /// <summary>Keras's validation_split: the last fraction of the samples, taken before any shuffling.</summary>
    public static (Tensor X, Tensor Y, Tensor? W, (Tensor, Tensor)? Val) SplitValidation(Tensor x, Tensor y, Tensor? w, double split)
    {
        if (!(split > 0 && split < 1))
            throw new ArgumentException(Invariant($"Argument `validation_split` must be a float between 0 and 1 (exclusive). Received: validation_split={split}"));
        int n = x.Shape[0];
        int train = (int)Math.Floor(n * (1 - split));
        if (train == 0 || train == n)
            throw new ArgumentException(Invariant($"validation_split={split} leaves no samples for {(train == 0 ? "training" : "validation")} out of {n}."));
        return (x[..train], y[..train], w?[..train], (x[train..], y[train..]));
    }

    /// <summary>Samples [start, end) of the epoch's order (a view when not shuffled, gathered rows otherwise).</summary>
    public static (Tensor X, Tensor Y, Tensor? W) Batch(Tensor x, Tensor y, Tensor? w, int[]? order, int start, int end) =>
        (BatchOf(x, order, start, end), BatchOf(y, order, start, end), w is null ? null : BatchOf(w, order, start, end));

    /// <summary>Samples [start, end) of one array: a view in order, the gathered rows of a shuffled order.</summary>
    public static Tensor BatchOf(Tensor t, int[]? order, int start, int end) =>
        order is null ? t.AxisView(0, start, end - start) : Rows(t, order.AsSpan(start, end - start));

    /// <summary>The rows <paramref name="idx"/> (valid by construction: a permutation) of t, in step-arena storage,
    /// without the copies of the index list a general <see cref="Tensor.Gather(int[], int)"/> makes.</summary>
    private static Tensor Rows(Tensor t, ReadOnlySpan<int> idx)
    {
        int n = t.Dims[0];
        var rows = Tensor.NewUninitialized(t.Dims, 0, idx.Length);
        Compute.Drivers.RowGather.Gather(t.Contiguous().Span, rows.Span, idx, 1, n, n == 0 ? 0 : t.Size / n);
        return rows;
    }

    /// <summary>class_weight as per-sample weights: the weight of each sample's class (sparse label or one-hot argmax), times any sample weight.</summary>
    public static Tensor ClassWeightsToSampleWeights(Tensor y, IReadOnlyDictionary<int, double> classWeight, Tensor? sampleWeight)
    {
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
        return sampleWeight is null ? t : t * sampleWeight;
    }
}
