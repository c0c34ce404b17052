using NotebookNN.Randomness;
using NotebookNN.Tensors;

namespace NotebookNN.Layers;

/// <summary>
/// Zooms each image by a random amount while training (keras.layers.RandomZoom), about its center: a factor drawn from
/// <see cref="HeightFactor"/> scales the height by 1 + factor (positive zooms out, negative zooms in), and the width by
/// its own draw from <see cref="WidthFactor"/>, or by the same one (keeping the aspect ratio) without it; identity in
/// inference.
/// </summary>
public sealed class RandomZoom : RandomImageTransform
{
    /// <param name="heightFactor">f for [−f, f], or (lower, upper), each in [−1, 1].</param>
    /// <param name="widthFactor">The same for the width; default null, the height's zoom.</param>
    /// <param name="fillMode"><c>"reflect"</c> (default), <c>"constant"</c>, <c>"nearest"</c> or <c>"wrap"</c>.</param>
    /// <param name="interpolation"><c>"bilinear"</c> (default) or <c>"nearest"</c>.</param>
    /// <param name="seed">Seed of the layer's random stream; default drawn from the global generator.</param>
    /// <param name="fillValue">The value outside the input with <c>fillMode: "constant"</c>.</param>
    /// <param name="inputShape">Per-sample input shape (height, width, channels).</param>
    /// <param name="name">Layer name; default <c>random_zoom</c>, ….</param>
    public RandomZoom(FactorRange heightFactor, FactorRange? widthFactor = null, string fillMode = "reflect", string interpolation = "bilinear",
        int? seed = null, double fillValue = 0.0, Shape? inputShape = null, string? name = null)
        : base(fillMode, interpolation, seed, fillValue, inputShape, name)
    {
        HeightFactor = Check(heightFactor, "height_factor");
        WidthFactor = widthFactor is { } w ? Check(w, "width_factor") : null;
    }

    public FactorRange HeightFactor { get; }
    public FactorRange? WidthFactor { get; }

    private static FactorRange Check(FactorRange f, string name)
    {
        if (Math.Abs(f.Lower) > 1 || Math.Abs(f.Upper) > 1)
            throw new ArgumentException(Invariant($"`{name}` argument must have values between [-1, 1]. Received: {name}={f}"));
        if (f.Upper < f.Lower)
            throw new ArgumentException(Invariant($"`{name}` argument cannot have an upper bound less than the lower bound. Received: {name}={f}"));
        return f;
    }

    private protected override void Draw(RandomGenerator random, int height, int width, Span<double> map)
    {
        double zy = Uniform(random, 1 + HeightFactor.Lower, 1 + HeightFactor.Upper);
        double zx = WidthFactor is { } w ? Uniform(random, 1 + w.Lower, 1 + w.Upper) : zy;
        // Keras's zoom matrix: output (x, y) reads input (zx·x + (w − 1)/2·(1 − zx), zy·y + (h − 1)/2·(1 − zy))
        map[0] = zx; map[1] = 0; map[2] = (width - 1) / 2.0 * (1 - zx);
        map[3] = 0; map[4] = zy; map[5] = (height - 1) / 2.0 * (1 - zy);
    }

    public override Dictionary<string, object?> GetConfig()
    {
        var c = base.GetConfig();
        c["height_factor"] = HeightFactor;
        c["width_factor"] = WidthFactor;
        return c;
    }
}
