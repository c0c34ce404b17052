using NotebookNN.Tensors;

namespace NotebookNN.Layers;

/// <summary>
/// Standardizes its input feature by feature (keras.layers.Normalization, as Keras 2 has it): <c>(x − mean) / √variance</c>
/// (the root floored at 1e-7), with the mean and variance learned from data by <see cref="Adapt"/> or given. TensorFlow's
/// regression tutorial puts one first in the model: <c>var normalizer = new Normalization(axis: -1); normalizer.Adapt(xTrain);</c>.
/// </summary>
/// <remarks>
/// Adapted statistics are non-trainable weights (mean, variance, and the count of values they came from), so they are
/// saved with the model and a summary counts 2·features + 1 non-trainable parameters, as Keras 2's does. Statistics given
/// to the constructor are constants, as in Keras, and add no parameters.
/// </remarks>
public sealed class Normalization : Layer
{
    private const float Epsilon = 1e-7f; // Keras's backend.epsilon()
    private readonly double[]? _givenMean, _givenVariance;
    private Tensor? _mean, _variance;     // given statistics, in the broadcast shape (own storage)
    private Variable? _meanWeight, _varianceWeight, _count;
    private int[] _broadcast = [];         // the batched shape the statistics broadcast with

    /// <param name="axis">The axis that holds the features, each with its own mean and variance (default the last);
    /// null for one mean and variance over everything.</param>
    /// <param name="mean">Given means (one per feature, or one), instead of <see cref="Adapt"/>.</param>
    /// <param name="variance">Given variances, with <paramref name="mean"/>.</param>
    /// <param name="invert">Undo the standardization instead: <c>mean + x · √variance</c>.</param>
    /// <param name="inputShape">The per-sample input shape, for the first layer of a Sequential model.</param>
    /// <param name="name">The layer's name; default <c>normalization</c>, <c>normalization_1</c>, ….</param>
    public Normalization(int? axis = -1, double[]? mean = null, double[]? variance = null, bool invert = false, Shape? inputShape = null, string? name = null)
        : base(name, inputShape)
    {
        if ((mean is null) != (variance is null))
            throw new ArgumentException("When setting `mean` or `variance`, both must be set. Received: " +
                $"mean={(mean is null ? "None" : "[…]")} and variance={(variance is null ? "None" : "[…]")}");
        if (axis == 0) throw new ArgumentException("The `axis` argument may not be 0 (the batch axis). Received: axis=0");
        Axis = axis;
        Invert = invert;
        (_givenMean, _givenVariance) = (mean, variance);
    }

    /// <summary>The feature axis (negative from the end, or counted with the batch axis as 0); null for all.</summary>
    public int? Axis { get; }

    /// <summary>Whether the layer undoes a standardization.</summary>
    public bool Invert { get; }

    /// <summary>The given means, if any (the config a saved model keeps).</summary>
    public double[]? Mean => _givenMean;

    /// <summary>The given variances, if any.</summary>
    public double[]? Variance => _givenVariance;

    public override void Build(Shape inputShape)
    {
        int features = Features(inputShape);
        _broadcast = BroadcastShape(inputShape).ToArray();
        if (_givenMean is not null)
        {
            _mean = Given(_givenMean, features, "mean");
            _variance = Given(_givenVariance!, features, "variance");
            return;
        }
        Shape stats = Axis is null ? new Shape() : new Shape(features);
        _meanWeight = AddWeight("mean", stats, Initializers.Initializer.Get("zeros"), trainable: false);
        _varianceWeight = AddWeight("variance", stats, Initializers.Initializer.Get("ones"), trainable: false);
        _count = AddWeight("count", new Shape(), Initializers.Initializer.Get("zeros"), trainable: false);
    }

    /// <summary>
    /// Learns the mean and variance of <paramref name="data"/> (samples first) over every axis but the feature axis,
    /// in float64, replacing what an earlier call learned (keras.layers.Normalization.adapt).
    /// </summary>
    public void Adapt(Tensor data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (_givenMean is not null)
            throw new InvalidOperationException($"Layer \"{Name}\" was given its mean and variance; it cannot be adapted to data.");
        if (data.NDim == 0 || data.Shape[0] == 0)
            throw new ArgumentException($"Normalization.Adapt expects a non-empty batch of samples. Received: data.shape={data.Shape}");
        var sample = Shape.Wrap(data.Dims[1..]);
        if (Built && !sample.Equals(BuiltInputShape!.Value))
            throw new ArgumentException($"Layer \"{Name}\" was built for samples of shape {BuiltInputShape}; Adapt received data of shape {data.Shape}.");
        EnsureBuilt(sample);
        int features = Features(sample), axis = FeatureAxis(sample);
        var values = data.Contiguous().Span; // no copy of data already in row-major order
        // in row-major order, element i belongs to feature (i / stride) % features; every feature has as many values
        long stride = 1;
        for (int d = axis + 1; axis >= 0 && d < data.NDim; d++) stride *= data.Shape[d];
        long perFeature = values.Length / features;
        var (mean, sumSq) = (new double[features], new double[features]);
        for (int i = 0; i < values.Length; i++) mean[(int)(i / stride % features)] += values[i];
        for (int f = 0; f < features; f++) mean[f] /= perFeature;
        for (int i = 0; i < values.Length; i++)
        {
            int f = (int)(i / stride % features);
            double d = values[i] - mean[f];
            sumSq[f] += d * d;
        }
        _meanWeight!.Assign(Tensor.From([.. mean.Select(m => (float)m)], _meanWeight.Shape));
        _varianceWeight!.Assign(Tensor.From([.. sumSq.Select(q => (float)(q / perFeature))], _varianceWeight.Shape));
        _count!.Assign(Tensor.Scalar(perFeature));
    }

    public override Tensor Call(Tensor inputs, bool training = false)
    {
        EnsureBuilt(inputs);
        // views made per call: a Build inside a training step must not keep a view from the step's arena
        var mean = _mean ?? _meanWeight!.Reshape(_broadcast);
        var std = Tensor.Maximum((_variance ?? _varianceWeight!.Reshape(_broadcast)).Sqrt(), Epsilon);
        return Invert ? mean + inputs * std : (inputs - mean) / std;
    }

    public override Dictionary<string, object?> GetConfig()
    {
        var c = base.GetConfig();
        c["axis"] = Axis;
        c["invert"] = Invert;
        if (_givenMean is not null) { c["mean"] = _givenMean; c["variance"] = _givenVariance; }
        return c;
    }

    /// <summary>The feature axis counted with the batch axis as 0, or −1 for axis null (one mean and variance).</summary>
    private int FeatureAxis(Shape sample)
    {
        if (Axis is null) return -1;
        int rank = sample.Rank + 1, full = Axis.Value < 0 ? Axis.Value + rank : Axis.Value;
        if (full <= 0 || full >= rank)
            throw new ArgumentException($"Invalid axis for layer \"{Name}\": axis={Axis} for inputs of shape {KerasTensor.FormatWithBatch(sample)} (the batch axis 0 cannot be one).");
        return full;
    }

    /// <summary>The number of features: the size of the feature axis of a sample, or 1 for axis null.</summary>
    private int Features(Shape sample) => FeatureAxis(sample) is var a && a < 0 ? 1 : sample[a - 1];

    /// <summary>The batched shape the statistics broadcast with: 1 everywhere but the feature axis.</summary>
    private Shape BroadcastShape(Shape sample)
    {
        int a = FeatureAxis(sample);
        if (a < 0) return new Shape();
        var dims = Enumerable.Repeat(1, sample.Rank + 1).ToArray();
        dims[a] = sample[a - 1];
        return new Shape(dims);
    }

    private Tensor Given(double[] values, int features, string what)
    {
        if (values.Length == features || values.Length == 1)
            return Tensor.From([.. Enumerable.Range(0, features).Select(f => (float)values[values.Length == 1 ? 0 : f])], new Shape(_broadcast));
        throw new ArgumentException($"Layer \"{Name}\" was given {values.Length} values of `{what}` for {features} features; expected {features} or 1.");
    }
}
