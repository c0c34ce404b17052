using NotebookNN.Tensors;
namespace NotebookNN.Layers;

/// <summary>
/// The base of <see cref="GlobalAveragePooling2D"/> and <see cref="GlobalMaxPooling2D"/>: one value per channel over the
/// whole height and width of a channels-last batch, (batch, height, width, channels) → (batch, channels), or
/// (batch, 1, 1, channels) with <see cref="Keepdims"/>. No weights.
/// </summary>
public abstract class GlobalPooling2D : Layer
{
    internal override bool ConcurrentInference => true;

    private protected GlobalPooling2D(string? dataFormat, bool keepdims, Shape? inputShape, string? name) : base(name, inputShape)
    {
        DataFormat = PoolingArguments.DataFormat(dataFormat);
        Keepdims = keepdims;
    }

    /// <summary>Always <c>"channels_last"</c>.</summary>
    public string DataFormat { get; }

    /// <summary>Whether the pooled height and width stay as axes of length 1.</summary>
    public bool Keepdims { get; }

    public override void Build(Shape inputShape)
    {
        if (inputShape.Rank != 3) throw PoolingArguments.WrongRank(this, inputShape, 4);
    }

    public override Tensor Call(Tensor inputs, bool training = false)
    {
        EnsureBuilt(inputs);
        if (inputs.NDim != 4) throw PoolingArguments.WrongRank(this, SampleShape(inputs), 4);
        int batch = inputs.Dims[0], channels = inputs.Dims[3];
        var pooled = Pool(inputs.ReshapeTo([batch, inputs.Dims[1] * inputs.Dims[2], channels]));
        return Keepdims ? pooled.ReshapeTo([batch, 1, 1, channels]) : pooled;
    }

    /// <summary>(batch, cells, channels) → (batch, channels).</summary>
    private protected abstract Tensor Pool(Tensor cells);

    public override Shape ComputeOutputShape(Shape inputShape)
    {
        if (inputShape.Rank != 3) throw PoolingArguments.WrongRank(this, inputShape, 4);
        return Keepdims ? new Shape(1, 1, inputShape[2]) : new Shape(inputShape[2]);
    }

    public override Dictionary<string, object?> GetConfig()
    {
        var c = base.GetConfig();
        c["data_format"] = DataFormat;
        c["keepdims"] = Keepdims;
        return c;
    }
}
