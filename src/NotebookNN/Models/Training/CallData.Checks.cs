using System.Globalization;
using NotebookNN.Compute.Drivers;
using NotebookNN.Compute.Ops;
using NotebookNN.Tensors;

namespace NotebookNN.Models;

/// <summary>The argument checks of Fit, Evaluate, Predict and the on-batch calls, in one place, with Keras's messages.</summary>
internal sealed partial class CallData
{
    public enum Use { Train, Predict }

    /// <summary>
    /// Every array non-null, with a samples axis, not empty and of the same number of samples; to train, finite, and
    /// a sample weight one per sample.
    /// </summary>
    public void Check(Use use)
    {
        ArgumentNullException.ThrowIfNull(X, "x");
        ArgumentNullException.ThrowIfNull(Y, "y");
        if (X.Length == 0) throw new ArgumentException("Expected at least one input array. Received: x=[]");
        for (int i = 0; i < X.Length; i++) ArgumentNullException.ThrowIfNull(X[i], Name("x", i));
        for (int i = 0; i < Y.Length; i++) ArgumentNullException.ThrowIfNull(Y[i], Name("y", i));
        for (int i = 0; i < X.Length; i++) CheckSamples(X[i], Name("x", i));
        for (int i = 0; i < Y.Length; i++) CheckSamples(Y[i], Name("y", i));
        int n = Count;
        if (n == 0)
            throw new ArgumentException(use == Use.Predict ? $"Expected at least one sample to predict. Received: {Name("x", 0)}.shape={X[0].Shape}"
                : $"Expected input data to be non-empty. Received: {Name("x", 0)}.shape={X[0].Shape}");
        if (X.Any(t => t.Shape[0] != n) || Y.Any(t => t.Shape[0] != n))
            throw new ArgumentException("Data cardinality is ambiguous:\n"
                + string.Join("\n", X.Select((t, i) => $"  {Name("x", i)} sizes: {t.Shape[0]}").Concat(Y.Select((t, i) => $"  {Name("y", i)} sizes: {t.Shape[0]}")))
                + "\nMake sure all arrays contain the same number of samples.");
        if (use == Use.Predict) return;
        for (int i = 0; i < X.Length; i++) CheckFinite(X[i], Name("x", i));
        for (int i = 0; i < Y.Length; i++) CheckFinite(Y[i], Name("y", i));
        if (SampleWeight is { } w && (w.NDim != 1 || w.Shape[0] != n))
            throw new ArgumentException($"Expected sample_weight to have shape ({n},), one weight per sample. Received: sample_weight.shape={w.Shape}");
    }

    /// <summary>For one input and one target array, that the targets fit the model's output for its loss (<see cref="TargetShapeCheck"/>).</summary>
    public void CheckTargetShapes(Model model)
    {
        if (X.Length == 1 && Y.Length == 1) TargetShapeCheck.Run(model, X[0], Y[0], Name("y", 0));
    }

    private static void CheckSamples(Tensor t, string name)
    {
        if (t.NDim == 0)
            throw new ArgumentException($"Expected {name} to have a samples axis (at least 1 dimension). Received: {name}.shape={t.Shape}");
    }

    /// <summary>NaN or infinity in the data would make every loss NaN; name the first offending sample instead.</summary>
    private static void CheckFinite(Tensor t, string name)
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
}
