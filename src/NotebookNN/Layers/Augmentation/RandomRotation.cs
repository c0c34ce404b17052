using NotebookNN.Randomness;
using NotebookNN.Tensors;

namespace NotebookNN.Layers;

/// <summary>
/// Rotates each image by a random angle while training (keras.layers.RandomRotation): the angle is drawn uniformly from
/// <see cref="Factor"/> × 2π (a fraction of a full turn; 0.1 → ±36°), about the image's center; identity in inference.
/// </summary>
public sealed class RandomRotation : RandomImageTransform
{
    /// <param name="factor">A fraction of 2π: f for [−f, f], or (lower, upper).</param>
    /// <param name="fillMode"><c>"reflect"</c> (default), <c>"constant"</c>, <c>"nearest"</c> or <c>"wrap"</c>.</param>
    /// <param name="interpolation"><c>"bilinear"</c> (default) or <c>"nearest"</c>.</param>
    /// <param name="seed">Seed of the layer's random stream; default drawn from the global generator.</param>
    /// <param name="fillValue">The value outside the input with <c>fillMode: "constant"</c>.</param>
    /// <param name="inputShape">Per-sample input shape (height, width, channels).</param>
    /// <param name="name">Layer name; default <c>random_rotation</c>, ….</param>
    public RandomRotation(FactorRange factor, string fillMode = "reflect", string interpolation = "bilinear", int? seed = null,
        double fillValue = 0.0, Shape? inputShape = null, string? name = null)
        : base(fillMode, interpolation, seed, fillValue, inputShape, name)
    {
        if (factor.Upper < factor.Lower)
            throw new ArgumentException(Invariant($"`factor` argument cannot have an upper bound less than the lower bound. Received: factor={factor}"));
        Factor = factor;
    }

    /// <summary>The range of angles, as fractions of 2π.</summary>
    public FactorRange Factor { get; }

    private protected override void Draw(RandomGenerator random, int height, int width, Span<double> map)
    {
        double angle = Uniform(random, Factor.Lower * 2 * Math.PI, Factor.Upper * 2 * Math.PI);
        double cos = Math.Cos(angle), sin = Math.Sin(angle), w = width - 1, h = height - 1;
        // Keras's rotation matrix: output (x, y) reads input (cos·x − sin·y + dx, sin·x + cos·y + dy), centered
        map[0] = cos; map[1] = -sin; map[2] = (w - (cos * w - sin * h)) / 2;
        map[3] = sin; map[4] = cos; map[5] = (h - (sin * w + cos * h)) / 2;
    }

    public override Dictionary<string, object?> GetConfig()
    {
        var c = base.GetConfig();
        c["factor"] = Factor;
        return c;
    }
}
