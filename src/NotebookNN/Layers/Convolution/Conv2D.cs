using NotebookNN.Compute.Conv;
using NotebookNN.Compute.Gemm;
using NotebookNN.Initializers;
using NotebookNN.Registries;
using NotebookNN.Regularizers;
using NotebookNN.Tensors;

namespace NotebookNN.Layers;

/// <summary>
/// A 2-D convolution over channels-last images (keras.layers.Conv2D): input (batch, height, width, channels), kernel
/// (kernel_height, kernel_width, channels, filters), output (batch, out_height, out_width, filters), then the bias and
/// the activation. The convolution, bias and activation run as one fused op, with its backward.
/// </summary>
public sealed class Conv2D : Layer
{
    internal override bool ConcurrentInference => true;

    /// <param name="filters">Number of output channels, a positive integer.</param>
    /// <param name="kernelSize">The window's height and width: one integer for both, or <c>(height, width)</c>.</param>
    /// <param name="strides">Steps along height and width; default 1.</param>
    /// <param name="padding"><c>"valid"</c> (no padding, the default) or <c>"same"</c> (TensorFlow's: the output has
    /// ceil(input / stride) pixels, the padding split evenly with the odd pixel after).</param>
    /// <param name="dataFormat">Only <c>"channels_last"</c> (the default) is supported.</param>
    /// <param name="activation">A Keras name (<c>"relu"</c>) or function; default linear.</param>
    /// <param name="useBias">Whether to add a bias per filter.</param>
    /// <param name="kernelInitializer">Default <c>glorot_uniform</c>.</param>
    /// <param name="biasInitializer">Default <c>zeros</c>.</param>
    /// <param name="kernelRegularizer">A penalty on the kernel added to the loss.</param>
    /// <param name="biasRegularizer">A penalty on the bias added to the loss.</param>
    /// <param name="inputShape">Per-sample input shape (height, width, channels), for the first layer of a Sequential model.</param>
    /// <param name="name">Layer name; default <c>conv2d</c>, <c>conv2d_1</c>, ….</param>
    public Conv2D(int filters, Size2D kernelSize, Size2D? strides = null, string padding = "valid", string? dataFormat = null,
        ActivationFunction? activation = null, bool useBias = true,
        Initializer? kernelInitializer = null, Initializer? biasInitializer = null,
        Regularizer? kernelRegularizer = null, Regularizer? biasRegularizer = null,
        Shape? inputShape = null, string? name = null)
        : base(name, inputShape)
    {
        if (filters <= 0)
            throw new ArgumentException($"Invalid value for argument `filters`. Expected a strictly positive value. Received filters={filters}.");
        Filters = filters;
        KernelSize = PoolingArguments.Positive(kernelSize, "kernel_size");
        Strides = PoolingArguments.Positive(strides ?? 1, "strides");
        PaddingMode = PoolingArguments.Padding(padding);
        Padding = KerasEnum.Name(PaddingMode);
        DataFormat = PoolingArguments.DataFormat(dataFormat);
        Activation = activation ?? Activations.Linear;
        UseBias = useBias;
        KernelInitializer = kernelInitializer ?? new GlorotUniform();
        BiasInitializer = biasInitializer ?? new Zeros();
        KernelRegularizer = kernelRegularizer;
        BiasRegularizer = biasRegularizer;
    }

    public int Filters { get; }
    public Size2D KernelSize { get; }
    public Size2D Strides { get; }
    /// <summary><c>"valid"</c> or <c>"same"</c>.</summary>
    public string Padding { get; }
    internal Padding PaddingMode { get; }
    /// <summary><c>"channels_last"</c>.</summary>
    public string DataFormat { get; }
    public ActivationFunction Activation { get; }
    public bool UseBias { get; }
    public Initializer KernelInitializer { get; }
    public Initializer BiasInitializer { get; }
    public Regularizer? KernelRegularizer { get; }
    public Regularizer? BiasRegularizer { get; }

    /// <summary>The (kernel_height, kernel_width, channels, filters) kernel; null before the layer is built.</summary>
    public Variable? Kernel { get; private set; }
    /// <summary>The (filters,) bias; null before the layer is built or without a bias.</summary>
    public Variable? Bias { get; private set; }

    private bool Same => PaddingMode == Layers.Padding.Same;

    public override void Build(Shape inputShape)
    {
        CheckRank(inputShape);
        int channels = inputShape[2];
        ComputeOutputShape(inputShape); // a kernel larger than a "valid" input fails here, before the weights exist
        Kernel = AddWeight("kernel", [KernelSize.Height, KernelSize.Width, channels, Filters], KernelInitializer, regularizer: KernelRegularizer);
        if (UseBias) Bias = AddWeight("bias", [Filters], BiasInitializer, regularizer: BiasRegularizer);
        InputSpec = new InputSpec { MinNDim = 4, Axes = new Dictionary<int, int> { [-1] = channels } };
    }

    public override Tensor Call(Tensor inputs, bool training = false)
    {
        EnsureBuilt(inputs);
        if (inputs.NDim != 4) CheckRank(SampleShape(inputs));
        var fused = Activation.Fused;
        var z = Tensor.Conv2D(inputs, Kernel!, Bias, Strides.Height, Strides.Width, Same, fused ?? FusedActivation.Linear);
        return fused is null ? Activation.Call(z) : z;
    }

    public override Shape ComputeOutputShape(Shape inputShape)
    {
        CheckRank(inputShape);
        var (oh, _) = ConvGeometry.Axis(inputShape[0], KernelSize.Height, Strides.Height, Same);
        var (ow, _) = ConvGeometry.Axis(inputShape[1], KernelSize.Width, Strides.Width, Same);
        if (oh < 1 || ow < 1)
            throw new ArgumentException($"Computed output size would be negative. Received `inputs shape=(None, {inputShape[0]}, {inputShape[1]}, {inputShape[2]})`, " +
                $"`kernel shape=({KernelSize.Height}, {KernelSize.Width}, {inputShape[2]}, {Filters})`, `dilation_rate=(1, 1)`. " +
                $"Layer \"{Name}\" with padding=\"valid\" needs a kernel no larger than its input: use padding=\"same\" or a smaller kernel_size.");
        return [oh, ow, Filters];
    }

    public override Dictionary<string, object?> GetConfig()
    {
        var c = base.GetConfig();
        c["filters"] = Filters;
        c["kernel_size"] = KernelSize;
        c["strides"] = Strides;
        c["padding"] = Padding;
        c["data_format"] = DataFormat;
        c["activation"] = Activation.Name;
        c["use_bias"] = UseBias;
        return c;
    }

    /// <summary>Keras's message for an input that is not a batch of images (the per-sample shape must be 3-D).</summary>
    private void CheckRank(Shape sampleShape)
    {
        if (sampleShape.Rank == 3) return;
        string shown = KerasTensor.FormatWithBatch(sampleShape);
        string expected = sampleShape.Rank < 3 ? "min_ndim=4" : "ndim=4";
        throw new ArgumentException($"Input 0 of layer \"{Name}\" is incompatible with the layer: expected {expected}, found ndim={sampleShape.Rank + 1}. " +
            $"Full shape received: {shown}. Conv2D takes images as (batch, height, width, channels); a grayscale image needs a channels axis of 1 (e.g. reshape (28, 28) to (28, 28, 1)).");
    }
}
