using NotebookNN.Tensors;

namespace NotebookNN.Metrics;

/// <summary>How often predictions exactly equal labels (keras.metrics.Accuracy).</summary>
public class Accuracy(string name = "accuracy") : MeanMetricWrapper(name)
{
    protected override Tensor PerSample(Tensor yTrue, Tensor yPred)
    {
        var (t, wt) = Rows(yTrue);
        var (p, wp) = Rows(yPred);
        return PerRow(p.Length / Math.Max(1, wp), wp, i => t.AsSpan(i * wt, wt).SequenceEqual(p.AsSpan(i * wp, wp)) ? 1 : 0);
    }

    /// <summary>A (batch,) tensor with f(i) for each sample i.</summary>
    internal static Tensor PerRow(int batch, int width, Func<int, float> f)
    {
        var r = new float[batch];
        for (int i = 0; i < batch; i++) r[i] = f(i);
        return Tensor.From(r);
    }
}

/// <summary>How often a probability on the right side of <see cref="Threshold"/> matches a 0/1 label, averaged over the last axis (keras.metrics.BinaryAccuracy).</summary>
public class BinaryAccuracy(string name = "binary_accuracy", double threshold = 0.5) : MeanMetricWrapper(name)
{
    public double Threshold { get; } = threshold;

    protected override Tensor PerSample(Tensor yTrue, Tensor yPred)
    {
        var (t, _) = Rows(yTrue);
        var (p, w) = Rows(yPred);
        if (t.Length != p.Length)
            throw new ArgumentException($"binary accuracy expects y_true and y_pred with the same number of values. Received: y_true.shape={yTrue.Shape}, y_pred.shape={yPred.Shape}");
        return Accuracy.PerRow(p.Length / w, w, i => RowAccuracy(p, t, i, w));
    }

    /// <summary>The fraction of row i's w values on the right side of the threshold.</summary>
    private float RowAccuracy(ReadOnlySpan<float> p, ReadOnlySpan<float> t, int i, int w)
    {
        int hits = 0;
        for (int j = i * w; j < (i + 1) * w; j++) hits += ((p[j] > Threshold ? 1f : 0f) == t[j]) ? 1 : 0;
        return hits / (float)w;
    }

    /// <summary>Without sample weights, counted straight from the batch's values (no per-sample tensor each step).</summary>
    public override void UpdateState(Tensor yTrue, Tensor yPred, Tensor? sampleWeight = null)
    {
        if (sampleWeight is not null || yPred.NDim == 0 || yTrue.Size != yPred.Size) { base.UpdateState(yTrue, yPred, sampleWeight); return; }
        var t = yTrue.Contiguous().Span;
        var p = yPred.Contiguous().Span;
        int batch = yPred.Dims[0];
        if (batch == 0) { base.UpdateState(yTrue, yPred, sampleWeight); return; }
        int w = p.Length / batch;
        double total = 0;
        for (int i = 0; i < batch; i++) total += RowAccuracy(p, t, i, w); // PerSample's values, summed as Mean.Update sums them
        AddTotals(total, batch);
    }
}

/// <summary>How often the arg-max of the prediction equals the arg-max of a one-hot label (keras.metrics.CategoricalAccuracy).</summary>
public class CategoricalAccuracy(string name = "categorical_accuracy") : MeanMetricWrapper(name)
{
    protected override Tensor PerSample(Tensor yTrue, Tensor yPred)
    {
        var (t, wt) = Rows(yTrue);
        var (p, wp) = Rows(yPred);
        return Accuracy.PerRow(p.Length / wp, wp, i => ArgMax(t, i * wt, wt) == ArgMax(p, i * wp, wp) ? 1 : 0);
    }

    /// <summary>The first index of the largest value in v[start..start+width), as numpy's argmax.</summary>
    /// <summary>Unweighted batches are counted on the tensors' spans, without copying them (this runs every step).</summary>
    public override void UpdateState(Tensor yTrue, Tensor yPred, Tensor? sampleWeight = null)
    {
        if (sampleWeight is not null || yTrue.NDim == 0 || yPred.NDim == 0) { base.UpdateState(yTrue, yPred, sampleWeight); return; }
        var t = yTrue.Contiguous().Span;
        var p = yPred.Contiguous().Span;
        int batch = yPred.Shape[0];
        if (batch == 0 || yTrue.Shape[0] != batch) { base.UpdateState(yTrue, yPred, sampleWeight); return; }
        int wt = t.Length / batch, wp = p.Length / batch, hits = 0;
        for (int i = 0; i < batch; i++)
            if (ArgMax(t.Slice(i * wt, wt)) == ArgMax(p.Slice(i * wp, wp))) hits++;
        AddTotals(hits, batch);
    }

    internal static int ArgMax(float[] v, int start, int width) => ArgMax(v.AsSpan(start, width));

    internal static int ArgMax(ReadOnlySpan<float> row)
    {
        int best = 0;
        for (int j = 1; j < row.Length; j++) if (row[j] > row[best]) best = j;
        return best;
    }
}

/// <summary>How often the arg-max of the prediction equals an integer label (keras.metrics.SparseCategoricalAccuracy).</summary>
public class SparseCategoricalAccuracy(string name = "sparse_categorical_accuracy") : MeanMetricWrapper(name)
{
    protected override Tensor PerSample(Tensor yTrue, Tensor yPred)
    {
        var (t, _) = Rows(yTrue);
        var (p, wp) = Rows(yPred);
        int batch = p.Length / wp;
        if (t.Length != batch)
            throw new ArgumentException($"sparse categorical accuracy expects one label per sample. Received: y_true.shape={yTrue.Shape}, y_pred.shape={yPred.Shape}");
        return Accuracy.PerRow(batch, wp, i => CategoricalAccuracy.ArgMax(p, i * wp, wp) == t[i] ? 1 : 0);
    }

    /// <summary>Unweighted batches are counted on the tensors' spans, without copying them (this runs every step).</summary>
    public override void UpdateState(Tensor yTrue, Tensor yPred, Tensor? sampleWeight = null)
    {
        if (sampleWeight is not null || yPred.NDim == 0) { base.UpdateState(yTrue, yPred, sampleWeight); return; }
        var t = yTrue.Contiguous().Span;
        var p = yPred.Contiguous().Span;
        int batch = yPred.Shape[0];
        if (batch == 0 || t.Length != batch) { base.UpdateState(yTrue, yPred, sampleWeight); return; } // base raises Keras's message
        int wp = p.Length / batch, hits = 0;
        for (int i = 0; i < batch; i++)
            if (CategoricalAccuracy.ArgMax(p.Slice(i * wp, wp)) == t[i]) hits++;
        AddTotals(hits, batch);
    }
}

/// <summary>
/// "accuracy" / "acc" as Keras 2 resolves it from the shapes of the first batch: binary accuracy for outputs with
/// one unit, sparse categorical for integer labels, categorical for one-hot labels. Logged under the name given.
/// </summary>
internal sealed class AutoAccuracy(string name) : Mean(name)
{
    private MeanMetricWrapper? _inner;

    public override void UpdateState(Tensor yTrue, Tensor yPred, Tensor? sampleWeight = null)
    {
        _inner ??= Choose(yTrue, yPred);
        _inner.UpdateState(yTrue, yPred, sampleWeight);
    }

    private static MeanMetricWrapper Choose(Tensor yTrue, Tensor yPred)
    {
        int predLast = yPred.NDim == 0 ? 1 : yPred.Shape[^1];
        int trueLast = yTrue.NDim == 0 ? 1 : yTrue.Shape[^1];
        if (yPred.NDim <= 1 || predLast == 1) return new BinaryAccuracy();
        if (yTrue.NDim < yPred.NDim || trueLast == 1) return new SparseCategoricalAccuracy();
        return new CategoricalAccuracy();
    }

    public override double Result() => _inner?.Result() ?? 0;
    public override void ResetState() => _inner?.ResetState();
}
