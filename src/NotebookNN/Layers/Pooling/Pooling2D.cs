using NotebookNN.Registries;
using NotebookNN.Tensors;
namespace NotebookNN.Layers;

/// <summary>
/// The base of the windowed 2-D pooling layers (<see cref="MaxPooling2D"/>, <see cref="AveragePooling2D"/>): a window of
/// <see cref="PoolSize"/> moved by <see cref="Strides"/> over the height and width of a channels-last batch
/// (batch, height, width, channels), each channel pooled on its own. No weights.
/// </summary>
public abstract class Pooling2D : Layer
{
    internal override bool ConcurrentInference => true;

    private protected Pooling2D(Size2D poolSize, Size2D? strides, string padding, string? dataFormat, Shape? inputShape, string? name)
        : base(name, inputShape)
    {
        PoolSize = PoolingArguments.Positive(poolSize, "pool_size");
        Strides = strides is { } s ? PoolingArguments.Positive(s, "strides") : PoolSize;
        PaddingMode = PoolingArguments.Padding(padding);
        Padding = KerasEnum.Name(PaddingMode);
        DataFormat = PoolingArguments.DataFormat(dataFormat);
    }

    /// <summary>The window's (height, width).</summary>
    public Size2D PoolSize { get; }

    /// <summary>How far the window moves between outputs, (down, right); by default the pool size.</summary>
    public Size2D Strides { get; }

    /// <summary><c>"valid"</c> (windows inside the input only) or <c>"same"</c> (⌈size / stride⌉ outputs per axis,
    /// TensorFlow's padding split).</summary>
    public string Padding { get; }

    /// <summary>Always <c>"channels_last"</c>.</summary>
    public string DataFormat { get; }

    /// <summary>The padding as the library passes it on.</summary>
    internal Layers.Padding PaddingMode { get; }

    private bool Same => PaddingMode == Layers.Padding.Same;

    public override void Build(Shape inputShape)
    {
        if (inputShape.Rank != 3) throw PoolingArguments.WrongRank(this, inputShape, 4);
        ComputeOutputShape(inputShape);
    }

    public override Tensor Call(Tensor inputs, bool training = false)
    {
        EnsureBuilt(inputs);
        if (inputs.NDim != 4) throw PoolingArguments.WrongRank(this, SampleShape(inputs), 4);
        return Pool(inputs, PoolSize.Height, PoolSize.Width, Strides.Height, Strides.Width, Same);
    }

    /// <summary>The pooling op on a (batch, height, width, channels) tensor.</summary>
    private protected abstract Tensor Pool(Tensor inputs, int poolH, int poolW, int strideH, int strideW, bool same);

    public override Shape ComputeOutputShape(Shape inputShape)
    {
        if (inputShape.Rank != 3) throw PoolingArguments.WrongRank(this, inputShape, 4);
        int outH = Compute.Pooling.PoolGeometry.OutputSize(inputShape[0], PoolSize.Height, Strides.Height, Same);
        int outW = Compute.Pooling.PoolGeometry.OutputSize(inputShape[1], PoolSize.Width, Strides.Width, Same);
        if (outH <= 0 || outW <= 0)
            throw new ArgumentException($"Computed output size would be negative. Received: `inputs.shape={KerasTensor.FormatWithBatch(inputShape)}` and `pool_size={PoolSize}`.");
        return new Shape(outH, outW, inputShape[2]);
    }

    public override Dictionary<string, object?> GetConfig()
    {
        var c = base.GetConfig();
        c["pool_size"] = PoolSize;
        c["padding"] = Padding;
        c["strides"] = Strides;
        c["data_format"] = DataFormat;
        return c;
    }
}
