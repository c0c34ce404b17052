using NotebookNN.Tensors;

namespace NotebookNN.Metrics;

/// <summary>The running (weighted) mean of values given to it (keras.metrics.Mean).</summary>
public class Mean(string name = "mean") : Metric(name)
{
    private double _total, _count;

    /// <summary>Adds each value of <paramref name="values"/> with its weight (default 1).</summary>
    public void Update(Tensor values, Tensor? sampleWeight = null)
    {
        var v = values.Contiguous().Span;
        if (sampleWeight is null)
        {
            foreach (var x in v) _total += x;
            _count += v.Length;
            return;
        }
        var w = sampleWeight.Contiguous().Span;
        if (w.Length != v.Length)
            throw new ArgumentException($"Expected sample_weight with one weight per value ({v.Length}). Received: sample_weight.shape={sampleWeight.Shape}");
        for (int i = 0; i < v.Length; i++) { _total += (double)v[i] * w[i]; _count += w[i]; }
    }

    /// <summary>Adds a sum of values and their count (or total weight) at once: the allocation-free path of the
    /// accuracy metrics, which count hits on spans.</summary>
    internal void AddTotals(double total, double count)
    {
        _total += total;
        _count += count;
    }

    /// <summary>Adds one value with a weight.</summary>
    public void Update(double value, double weight = 1)
    {
        _total += value * weight;
        _count += weight;
    }

    public override void UpdateState(Tensor yTrue, Tensor yPred, Tensor? sampleWeight = null) => Update(yPred, sampleWeight);
    public override double Result() => _count == 0 ? 0 : _total / _count;
    public override void ResetState() => _total = _count = 0;
}

/// <summary>
/// A metric that is the running mean of a per-sample value computed from (y_true, y_pred), e.g. accuracy or mae
/// (keras.metrics.MeanMetricWrapper). Subclasses write only <see cref="PerSample"/>.
/// </summary>
public abstract class MeanMetricWrapper(string name) : Mean(name)
{
    /// <summary>One value per sample, shape (batch,).</summary>
    protected abstract Tensor PerSample(Tensor yTrue, Tensor yPred);

    public override void UpdateState(Tensor yTrue, Tensor yPred, Tensor? sampleWeight = null) => Update(PerSample(yTrue, yPred), sampleWeight);

    /// <summary>The rows of a (batch, d) tensor as one span, with the row length d (1 for a (batch,) tensor).</summary>
    protected static (float[] Values, int Width) Rows(Tensor t)
    {
        var values = t.ToArray();
        int batch = t.NDim == 0 ? 1 : t.Shape[0];
        return (values, batch == 0 ? 1 : values.Length / batch);
    }
}
