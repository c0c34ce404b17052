using NotebookNN.Registries;
using NotebookNN.Tensors;

namespace NotebookNN.Initializers;

/// <summary>
/// Makes a weight's starting values (keras.initializers). Strings are resolved by <see cref="Get"/>:
/// <c>glorot_uniform</c> (Dense's default), <c>glorot_normal</c>, <c>he_uniform</c>, <c>he_normal</c>,
/// <c>lecun_uniform</c>, <c>lecun_normal</c>, <c>zeros</c>, <c>ones</c>, <c>random_normal</c>,
/// <c>random_uniform</c>, <c>truncated_normal</c>, <c>constant</c>.
/// </summary>
public abstract class Initializer
{
    /// <summary>A tensor of the given shape with this initializer's values.</summary>
    public abstract Tensor Call(Shape shape);

    /// <summary>Lets a Keras string stand wherever an initializer is expected: <c>kernelInitializer: "he_normal"</c>.</summary>
    public static implicit operator Initializer(string name) => Get(name);

    /// <summary>Keras's initializer strings, each making a new initializer with Keras's defaults.</summary>
    internal static readonly Registry<Initializer> Names = Registry<Initializer>.Identifiers("initializer")
        .Add(_ => new GlorotUniform(), "glorot_uniform")
        .Add(_ => new GlorotNormal(), "glorot_normal")
        .Add(_ => new HeUniform(), "he_uniform")
        .Add(_ => new HeNormal(), "he_normal")
        .Add(_ => new LecunUniform(), "lecun_uniform")
        .Add(_ => new LecunNormal(), "lecun_normal")
        .Add(_ => new Zeros(), "zeros")
        .Add(_ => new Ones(), "ones")
        .Add(_ => new RandomNormal(), "random_normal")
        .Add(_ => new RandomUniform(), "random_uniform")
        .Add(_ => new TruncatedNormal(), "truncated_normal")
        .Add(_ => new Constant(), "constant");

    /// <summary>The initializer a Keras string names; an unknown name lists the valid ones.</summary>
    public static Initializer Get(string name) => Names.Resolve(name);

    /// <summary>Keras's fan-in and fan-out: for (in, out) kernels the two axes; for conv kernels times the receptive field.</summary>
    internal static (double FanIn, double FanOut) Fans(Shape shape)
    {
        switch (shape.Rank)
        {
            case 0: return (1, 1);
            case 1: return (shape[0], shape[0]);
            case 2: return (shape[0], shape[1]);
            default:
                double receptive = 1;
                for (int i = 0; i < shape.Rank - 2; i++) receptive *= shape[i];
                return (shape[^2] * receptive, shape[^1] * receptive);
        }
    }
}
