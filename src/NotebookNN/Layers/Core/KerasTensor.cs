using NotebookNN.Layers;

namespace NotebookNN;

/// <summary>
/// A symbolic tensor of a functional model (Keras's KerasTensor): a per-sample shape and the layer that produces
/// it. It holds no values.
/// </summary>
public class KerasTensor
{
    internal KerasTensor(Shape shape, Layer producer)
    {
        Shape = shape;
        Producer = producer;
    }

    /// <summary>The per-sample shape (the batch axis, Keras's None, is left out).</summary>
    public Shape Shape { get; }

    /// <summary>The layer whose output this is.</summary>
    public Layer Producer { get; }

    /// <summary>The shape as Keras prints it, with the batch axis as None: <c>(None, 13)</c>.</summary>
    public string ShapeText => FormatWithBatch(Shape);

    internal static string FormatWithBatch(Shape sample) => sample.Rank == 0 ? "(None,)" : "(None, " + string.Join(", ", sample) + ")";

    public override string ToString() => $"<KerasTensor shape={ShapeText}, name={Producer.Name}>";
}
