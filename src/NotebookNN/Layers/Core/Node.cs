namespace NotebookNN.Layers;

/// <summary>
/// One call of a layer on symbolic tensors in a functional graph (Keras's <c>Node</c>): the layer, the tensors it
/// was called on and the tensors it produced. A layer called twice has two nodes and one set of weights.
/// </summary>
public sealed class Node
{
    internal Node(Layer layer, KerasTensor[] inbound)
    {
        Layer = layer;
        InboundTensors = inbound;
    }

    /// <summary>The layer called.</summary>
    public Layer Layer { get; }

    /// <summary>The symbolic tensors the layer was called on (none for an input layer).</summary>
    public IReadOnlyList<KerasTensor> InboundTensors { get; }

    /// <summary>The symbolic tensors the call produced.</summary>
    public IReadOnlyList<KerasTensor> OutputTensors { get; internal set; } = [];

    /// <summary>This node's index among the layer's inbound nodes (the <c>[0]</c> in <c>dense[0][0]</c>).</summary>
    public int Index { get; internal set; }
}
