using NotebookNN.Compute.Image;
using NotebookNN.Randomness;
using NotebookNN.Registries;
using NotebookNN.Tensors;

namespace NotebookNN.Layers;

/// <summary>
/// The base of <see cref="RandomRotation"/> and <see cref="RandomZoom"/>: in training each image is resampled through an
/// affine map drawn for it from the layer's random stream, applied as Keras's TensorFlow backend applies it (fill mode,
/// then bilinear or nearest reading).
/// </summary>
public abstract class RandomImageTransform : ImageAugmentation
{
    private readonly Compute.Image.FillMode _fill;
    private double[] _maps = [];

    private protected RandomImageTransform(string fillMode, string interpolation, int? seed, double fillValue, Shape? inputShape, string? name)
        : base(seed, inputShape, name)
    {
        ArgumentNullException.ThrowIfNull(fillMode);
        ArgumentNullException.ThrowIfNull(interpolation);
        _fill = KerasEnum.Parse<Compute.Image.FillMode>(fillMode, "fill_mode", (v, valid) => $"Unknown `fill_mode` {v}. Expected of one {valid}.");
        if (interpolation is not ("bilinear" or "nearest"))
            throw new ArgumentException($"Unknown `interpolation` {interpolation}. Expected of one ('nearest', 'bilinear').");
        Interpolation = interpolation;
        FillValue = fillValue;
    }

    /// <summary><c>"reflect"</c>, <c>"wrap"</c>, <c>"constant"</c> or <c>"nearest"</c> (Keras's spelling of what was given).</summary>
    public string FillMode => KerasEnum.Name(_fill);

    /// <summary><c>"bilinear"</c> or <c>"nearest"</c>.</summary>
    public string Interpolation { get; }

    /// <summary>The value outside the input with <c>fillMode: "constant"</c>.</summary>
    public double FillValue { get; }

    private protected override void Augment(Tensor x, Tensor y)
    {
        int batch = x.Dims[0], height = x.Dims[1], width = x.Dims[2];
        if (_maps.Length < 6 * batch) _maps = new double[6 * batch];
        for (int b = 0; b < batch; b++) Draw(Draws, height, width, _maps.AsSpan(6 * b, 6));
        AffineTransform.Run(x.Span, batch, height, width, x.Dims[3], _maps.AsSpan(0, 6 * batch), _fill, (float)FillValue,
            Interpolation == "bilinear", y.Span);
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
        c["fill_value"] = FillValue;
        return c;
    }
}
