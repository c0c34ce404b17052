using NotebookNN.Randomness;

namespace NotebookNN.Tensors;

public partial class Tensor
{
    /// <summary>
    /// Values drawn uniformly from [<paramref name="minval"/>, <paramref name="maxval"/>) (Keras's
    /// <c>keras.random.uniform</c>). With a <paramref name="seed"/> the values depend only on the seed; without one
    /// they come from the process-wide stream that <see cref="Utils.SetRandomSeed"/> makes repeatable (or, inside a
    /// layer's build or a model's Fit, from that layer's or model's own generator).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="maxval"/> is not greater than <paramref name="minval"/>.</exception>
    public static Tensor RandomUniform(Shape shape, float minval = 0f, float maxval = 1f, int? seed = null)
    {
        if (!(maxval > minval))
            throw new ArgumentException(Invariant($"RandomUniform expects maxval > minval. Received: minval={minval}, maxval={maxval}"));
        return UniformFrom(Generator(seed), shape, minval, maxval);
    }

    /// <summary>Uniform values from a given generator (a layer's own: Dropout's masks).</summary>
    internal static Tensor UniformFrom(RandomGenerator generator, Shape shape, float minval, float maxval)
    {
        var t = NewUninitialized(shape.Dims);
        generator.FillUniform(t.Span, minval, maxval);
        return t;
    }

    /// <summary>Values drawn from a normal distribution (Keras's <c>keras.random.normal</c>); see <see cref="RandomUniform"/> for <paramref name="seed"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="stddev"/> is negative.</exception>
    public static Tensor RandomNormal(Shape shape, float mean = 0f, float stddev = 1f, int? seed = null)
    {
        CheckStddev(stddev);
        var t = NewUninitialized(shape.Dims);
        Generator(seed).FillNormal(t.Span, mean, stddev);
        return t;
    }

    /// <summary>
    /// Normal values where any value more than two standard deviations from the mean is discarded and re-drawn
    /// (Keras's <c>keras.random.truncated_normal</c>); see <see cref="RandomUniform"/> for <paramref name="seed"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="stddev"/> is negative.</exception>
    public static Tensor TruncatedNormal(Shape shape, float mean = 0f, float stddev = 1f, int? seed = null)
    {
        CheckStddev(stddev);
        var t = NewUninitialized(shape.Dims);
        Generator(seed).FillTruncatedNormal(t.Span, mean, stddev);
        return t;
    }

    private static RandomGenerator Generator(int? seed) => seed is { } s ? new RandomGenerator((ulong)(uint)s) : RandomGenerator.Current;

    private static void CheckStddev(float stddev)
    {
        if (!(stddev >= 0))
            throw new ArgumentException(Invariant($"Expected stddev to be non-negative. Received: stddev={stddev}"));
    }
}
