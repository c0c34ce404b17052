using NotebookNN.Compute.Gemm;
using NotebookNN.Registries;
using NotebookNN.Tensors;

namespace NotebookNN.Layers;

/// <summary>The Keras activations by name (keras.activations), and <see cref="Get"/> to resolve a string.</summary>
public static class Activations
{
    public static readonly ActivationFunction Linear = new("linear", x => x, FusedActivation.Linear);
    public static readonly ActivationFunction Relu = new("relu", Tensor.Relu, FusedActivation.Relu);
    public static readonly ActivationFunction Sigmoid = new("sigmoid", Tensor.SigmoidKeepingLogits);
    public static readonly ActivationFunction Tanh = new("tanh", Tensor.Tanh, FusedActivation.Tanh);
    public static readonly ActivationFunction Softmax = new("softmax", Tensor.SoftmaxKeepingLogits);
    public static readonly ActivationFunction LogSoftmax = new("log_softmax", x => Tensor.LogSoftmax(x));
    public static readonly ActivationFunction Softplus = new("softplus", Tensor.Softplus);
    public static readonly ActivationFunction Softsign = new("softsign", Tensor.Softsign);
    public static readonly ActivationFunction Elu = new("elu", x => Tensor.Elu(x));
    public static readonly ActivationFunction Selu = new("selu", Tensor.Selu);
    public static readonly ActivationFunction LeakyRelu = new("leaky_relu", x => Tensor.LeakyRelu(x));
    public static readonly ActivationFunction Gelu = new("gelu", x => Tensor.Gelu(x));
    public static readonly ActivationFunction Swish = new("swish", Tensor.Swish);
    public static readonly ActivationFunction Silu = new("silu", Tensor.Swish);
    public static readonly ActivationFunction Exponential = new("exponential", Tensor.Exp);
    public static readonly ActivationFunction HardSigmoid = new("hard_sigmoid", Tensor.HardSigmoid);

    /// <summary>Keras's activation strings, each naming one of the functions above.</summary>
    internal static readonly Registry<ActivationFunction> Names = Register(Registry<ActivationFunction>.Identifiers("activation function"),
        Linear, Relu, Sigmoid, Tanh, Softmax, LogSoftmax, Softplus, Softsign, Elu, Selu, LeakyRelu, Gelu, Swish, Silu, Exponential, HardSigmoid);

    private static Registry<ActivationFunction> Register(Registry<ActivationFunction> registry, params ActivationFunction[] all)
    {
        foreach (var a in all) registry.Add(a, a.Name);
        return registry;
    }

    /// <summary>The activation a Keras string names (null or "" is <c>linear</c>); an unknown name lists the valid ones.</summary>
    public static ActivationFunction Get(string? name) => string.IsNullOrEmpty(name) ? Linear : Names.Resolve(name);
}
