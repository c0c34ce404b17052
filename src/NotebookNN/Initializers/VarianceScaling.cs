using NotebookNN.Tensors;

namespace NotebookNN.Initializers;

/// <summary>Which fan a <see cref="VarianceScaling"/> initializer divides by.</summary>
public enum FanMode { FanIn, FanOut, FanAvg }

/// <summary>Which distribution a <see cref="VarianceScaling"/> initializer draws from.</summary>
public enum ScalingDistribution { TruncatedNormal, UntruncatedNormal, Uniform }

/// <summary>
/// keras.initializers.VarianceScaling: values with variance <c>scale / fan</c>. Uniform draws from
/// [-limit, limit] with limit = sqrt(3·scale/fan); truncated normal uses stddev sqrt(scale/fan)/0.87962566103423978
/// (the std of a unit normal truncated at two standard deviations), as Keras does.
/// </summary>
public class VarianceScaling(double scale = 1.0, FanMode mode = FanMode.FanIn, ScalingDistribution distribution = ScalingDistribution.TruncatedNormal, int? seed = null) : Initializer
{
    private const double TruncatedStdCorrection = 0.87962566103423978;

    public double Scale { get; } = scale > 0 ? scale : throw new ArgumentException(Invariant($"Argument `scale` must be positive float. Received: scale={scale}"));
    public FanMode Mode { get; } = mode;
    public ScalingDistribution Distribution { get; } = distribution;
    public int? Seed { get; } = seed;

    public override Tensor Call(Shape shape)
    {
        var (fanIn, fanOut) = Fans(shape);
        double fan = Mode switch { FanMode.FanIn => fanIn, FanMode.FanOut => fanOut, _ => (fanIn + fanOut) / 2 };
        double variance = Scale / Math.Max(1.0, fan);
        return Distribution switch
        {
            ScalingDistribution.Uniform => Tensor.RandomUniform(shape, (float)-Math.Sqrt(3 * variance), (float)Math.Sqrt(3 * variance), Seed),
            ScalingDistribution.UntruncatedNormal => Tensor.RandomNormal(shape, 0f, (float)Math.Sqrt(variance), Seed),
            _ => Tensor.TruncatedNormal(shape, 0f, (float)(Math.Sqrt(variance) / TruncatedStdCorrection), Seed),
        };
    }
}

/// <summary>Uniform in [-limit, limit], limit = sqrt(6 / (fan_in + fan_out)). Dense's default kernel initializer.</summary>
public sealed class GlorotUniform(int? seed = null) : VarianceScaling(1.0, FanMode.FanAvg, ScalingDistribution.Uniform, seed);
/// <summary>Truncated normal with stddev sqrt(2 / (fan_in + fan_out)).</summary>
public sealed class GlorotNormal(int? seed = null) : VarianceScaling(1.0, FanMode.FanAvg, ScalingDistribution.TruncatedNormal, seed);
/// <summary>Uniform in [-limit, limit], limit = sqrt(6 / fan_in).</summary>
public sealed class HeUniform(int? seed = null) : VarianceScaling(2.0, FanMode.FanIn, ScalingDistribution.Uniform, seed);
/// <summary>Truncated normal with stddev sqrt(2 / fan_in).</summary>
public sealed class HeNormal(int? seed = null) : VarianceScaling(2.0, FanMode.FanIn, ScalingDistribution.TruncatedNormal, seed);
/// <summary>Uniform in [-limit, limit], limit = sqrt(3 / fan_in).</summary>
public sealed class LecunUniform(int? seed = null) : VarianceScaling(1.0, FanMode.FanIn, ScalingDistribution.Uniform, seed);
/// <summary>Truncated normal with stddev sqrt(1 / fan_in).</summary>
public sealed class LecunNormal(int? seed = null) : VarianceScaling(1.0, FanMode.FanIn, ScalingDistribution.TruncatedNormal, seed);
