using NotebookNN.Tensors;

namespace NotebookNN.Layers;

/// <summary>
/// A symbolic tensor of a functional model (Keras's KerasTensor): a per-sample shape and the layer call (node) that
/// produces it. It holds no values; calling a layer on it (<c>layer.Call(x)</c>) adds a node to the graph.
/// </summary>
public partial class KerasTensor
{
    internal KerasTensor(Shape shape, Layer producer, Node? node = null, int index = 0)
    {
        Shape = shape;
        Producer = producer;
        Node = node;
        Index = index;
    }

    /// <summary>The per-sample shape (the batch axis, Keras's None, is left out).</summary>
    public Shape Shape { get; }

    /// <summary>The layer whose output this is.</summary>
    public Layer Producer { get; }

    /// <summary>The layer call that produced this tensor.</summary>
    public Node? Node { get; internal set; }

    /// <summary>Which of the node's outputs this is (the second <c>[0]</c> in <c>dense[0][0]</c>).</summary>
    public int Index { get; }

    /// <summary>The shape as Keras prints it, with the batch axis as None: <c>(None, 13)</c>.</summary>
    public string ShapeText => FormatWithBatch(Shape);

    /// <summary>Keras's <c>layer[node][tensor]</c> label, e.g. <c>input_1[0][0]</c>.</summary>
    internal string ConnectionLabel => $"{Producer.Name}[{Node?.Index ?? 0}][{Index}]";

    internal static string FormatWithBatch(Shape sample) => sample.Rank == 0 ? "(None,)" : "(None, " + string.Join(", ", sample) + ")";

    public override string ToString() => $"<KerasTensor shape={ShapeText}, name={Producer.Name}>";
}
