using NotebookNN.Initializers;
using NotebookNN.Regularizers;
using NotebookNN.Tensors;
using NotebookNN.Compute.Gemm;

namespace NotebookNN.Layers;

/// <summary>
/// A densely connected layer (keras.layers.Dense): <c>output = activation(dot(input, kernel) + bias)</c> over the
/// last axis. The matmul, bias and activation run as one fused op, with its backward.
/// </summary>
public sealed class Dense : Layer, IActivatedLayer
{
    internal override bool ConcurrentInference => true;

    /// <param name="units">Output size, a positive integer.</param>
    /// <param name="activation">A Keras name (<c>"relu"</c>) or function; default linear.</param>
    /// <param name="useBias">Whether to add a bias vector.</param>
    /// <param name="kernelInitializer">Default <c>glorot_uniform</c>.</param>
    /// <param name="biasInitializer">Default <c>zeros</c>.</param>
    /// <param name="kernelRegularizer">A penalty on the kernel added to the loss.</param>
    /// <param name="biasRegularizer">A penalty on the bias added to the loss.</param>
    /// <param name="inputShape">Per-sample input shape, for the first layer of a Sequential model.</param>
    /// <param name="name">Layer name; default <c>dense</c>, <c>dense_1</c>, ….</param>
    public Dense(int units, ActivationFunction? activation = null, bool useBias = true,
        Initializer? kernelInitializer = null, Initializer? biasInitializer = null,
        Regularizer? kernelRegularizer = null, Regularizer? biasRegularizer = null,
        Shape? inputShape = null, string? name = null)
        : base(name, inputShape)
    {
        if (units <= 0)
            throw new ArgumentException($"Received an invalid value for `units`, expected a positive integer. Received: units={units}");
        Units = units;
        Activation = activation ?? Activations.Linear;
        UseBias = useBias;
        KernelInitializer = kernelInitializer ?? new GlorotUniform();
        BiasInitializer = biasInitializer ?? new Zeros();
        KernelRegularizer = kernelRegularizer;
        BiasRegularizer = biasRegularizer;
    }

    public int Units { get; }
    public ActivationFunction Activation { get; }
    public bool UseBias { get; }
    public Initializer KernelInitializer { get; }
    public Initializer BiasInitializer { get; }
    public Regularizer? KernelRegularizer { get; }
    public Regularizer? BiasRegularizer { get; }

    /// <summary>The (input size, units) weight matrix; null before the layer is built.</summary>
    public Variable? Kernel { get; private set; }
    /// <summary>The (units,) bias; null before the layer is built or without a bias.</summary>
    public Variable? Bias { get; private set; }

    public override void Build(Shape inputShape)
    {
        if (inputShape.Rank < 1)
            throw new ArgumentException($"Input 0 of layer \"{Name}\" is incompatible with the layer: expected min_ndim=2, found ndim=1. Full shape received: (None,)");
        int inputDim = inputShape[^1];
        Kernel = AddWeight("kernel", [inputDim, Units], KernelInitializer, regularizer: KernelRegularizer);
        if (UseBias) Bias = AddWeight("bias", [Units], BiasInitializer, regularizer: BiasRegularizer);
        InputSpec = new InputSpec { MinNDim = 2, Axes = new Dictionary<int, int> { [-1] = inputDim } };
    }

    public override Tensor Call(Tensor inputs, bool training = false)
    {
        EnsureBuilt(inputs);
        if (Activation.Fused is { } fused) return Tensor.FusedDense(inputs, Kernel!, Bias, fused);
        return Activation.Call(Tensor.FusedDense(inputs, Kernel!, Bias, FusedActivation.Linear));
    }

    /// <summary><c>dot(input, kernel) + bias</c>, the activation left out.</summary>
    Tensor IActivatedLayer.CallLogits(Tensor inputs, bool training)
    {
        EnsureBuilt(inputs);
        return Tensor.FusedDense(inputs, Kernel!, Bias, FusedActivation.Linear);
    }

    public override Shape ComputeOutputShape(Shape inputShape) => Shape.Wrap([.. inputShape.Dims[..^1], Units]);

    public override Dictionary<string, object?> GetConfig()
    {
        var c = base.GetConfig();
        c["units"] = Units;
        c["activation"] = Activation.Name;
        c["use_bias"] = UseBias;
        return c;
    }
}
