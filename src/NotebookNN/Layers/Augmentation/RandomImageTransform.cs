using NotebookNN.Compute.Image;
using NotebookNN.Randomness;
using NotebookNN.Tensors;

namespace NotebookNN.Layers;

/// <summary>
/// The base of <see cref="RandomRotation"/> and <see cref="RandomZoom"/>: in training each image of a channels-last batch
/// (batch, height, width, channels) is resampled through an affine map drawn for it from the layer's random stream
/// (seeded as Keras's <c>SeedGenerator(seed)</c>); in inference the layer passes its input through. The map is applied
/// as Keras's TensorFlow backend applies it (fill mode, then bilinear or nearest reading). No weights; no gradient
/// flows back through the resampling (these layers sit on the model's input).
/// </summary>
public abstract class RandomImageTransform : Layer
{
    private readonly RandomGenerator _draws;
    private readonly FillMode _fill;
    private double[] _maps = [];

    internal override bool ConcurrentInference => true;

    private protected RandomImageTransform(string fillMode, string interpolation, int? seed, double fillValue, Shape? inputShape, string? name)
        : base(name, inputShape)
    {
        ArgumentNullException.ThrowIfNull(fillMode);
        ArgumentNullException.ThrowIfNull(interpolation);
        _fill = FillCoordinates.Parse(fillMode);
        if (interpolation is not ("bilinear" or "nearest"))
            throw new ArgumentException($"Unknown `interpolation` {interpolation}. Expected of one ('nearest', 'bilinear').");
        FillMode = fillMode;
        Interpolation = interpolation;
        Seed = seed;
        FillValue = fillValue;
        _draws = seed is { } s ? new RandomGenerator((ulong)(uint)s) : SeedGenerator;
    }

    /// <summary><c>"reflect"</c>, <c>"constant"</c>, <c>"nearest"</c> or <c>"wrap"</c>.</summary>
    public string FillMode { get; }

    /// <summary><c>"bilinear"</c> or <c>"nearest"</c>.</summary>
    public string Interpolation { get; }

    public int? Seed { get; }

    /// <summary>The value outside the input with <c>fillMode: "constant"</c>.</summary>
    public double FillValue { get; }

    public override void Build(Shape inputShape)
    {
        if (inputShape.Rank != 3) throw PoolingArguments.WrongRank(this, inputShape, 4);
    }

    public override Tensor Call(Tensor inputs, bool training = false)
    {
        EnsureBuilt(inputs);
        if (!training) return inputs;
        if (inputs.NDim != 4) throw PoolingArguments.WrongRank(this, SampleShape(inputs), 4);
        var x = inputs.Contiguous();
        int batch = x.Dims[0], height = x.Dims[1], width = x.Dims[2];
        if (_maps.Length < 6 * batch) _maps = new double[6 * batch];
        for (int b = 0; b < batch; b++) Draw(_draws, height, width, _maps.AsSpan(6 * b, 6));
        var y = Tensor.NewUninitialized(x.Dims);
        AffineTransform.Run(x.Span, batch, height, width, x.Dims[3], _maps.AsSpan(0, 6 * batch), _fill, (float)FillValue,
            Interpolation == "bilinear", y.Span);
        return y;
    }

    /// <summary>Draws one image's map (output pixel → input point, six coefficients) from <paramref name="random"/>.</summary>
    private protected abstract void Draw(RandomGenerator random, int height, int width, Span<double> map);

    /// <summary>A uniform draw in [lower, upper).</summary>
    private protected static double Uniform(RandomGenerator random, double lower, double upper) => lower + (upper - lower) * random.NextDouble();

    public override Dictionary<string, object?> GetConfig()
    {
        var c = base.GetConfig();
        c["fill_mode"] = FillMode;
        c["interpolation"] = Interpolation;
        c["seed"] = Seed;
        c["fill_value"] = FillValue;
        return c;
    }
}
