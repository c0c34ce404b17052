using NotebookNN.Tensors;

namespace NotebookNN.Layers;

public abstract partial class Layer
{
    private readonly List<Node> _inboundNodes = [];

    /// <summary>The calls of this layer on symbolic tensors, in order (Keras's <c>_inbound_nodes</c>).</summary>
    public IReadOnlyList<Node> InboundNodes => _inboundNodes;

    /// <summary>
    /// The symbolic output of the layer's first call on symbolic tensors (Keras's <c>layer.output</c>): a layer of a
    /// functional model, or of a built <see cref="Models.Sequential"/>, e.g. <c>new Model(model.Inputs, model.Layers[0].Output)</c>.
    /// </summary>
    public KerasTensor Output
    {
        get
        {
            if (_inboundNodes.Count == 0)
                throw new InvalidOperationException($"The layer {Name} has never been called and thus has no defined output. "
                    + "Build the model first (give the first layer an `inputShape`, or call `Build`), or call the layer on a symbolic tensor.");
            var outputs = _inboundNodes[0].OutputTensors;
            if (outputs.Count != 1)
                throw new InvalidOperationException($"Layer \"{Name}\" has {outputs.Count} outputs; take them from `InboundNodes[0].OutputTensors`.");
            return outputs[0];
        }
    }

    /// <summary>
    /// Calls the layer on a symbolic tensor (the functional API): builds the layer for its shape if needed, checks
    /// it, and returns the symbolic output. Calling the same layer again reuses its weights.
    /// </summary>
    public KerasTensor Call(KerasTensor inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var outputs = CallSymbolic([inputs]);
        if (outputs.Length != 1)
            throw new InvalidOperationException($"Layer \"{Name}\" has {outputs.Length} outputs; call it with an array of inputs to get them all.");
        return outputs[0];
    }

    /// <summary>Adds a node calling this layer on <paramref name="inputs"/>; returns its symbolic outputs.</summary>
    internal KerasTensor[] CallSymbolic(KerasTensor[] inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        for (int i = 0; i < inputs.Length; i++)
            if (inputs[i] is null) throw new ArgumentNullException(nameof(inputs), $"Input {i} of layer \"{Name}\" is null.");
        var shapes = SymbolicOutputShapes(inputs.Select(t => t.Shape).ToArray());
        var outputs = shapes.Select((s, i) => new KerasTensor(s, this, null, i)).ToArray();
        AddNode(inputs, outputs);
        return outputs;
    }

    internal Node AddNode(KerasTensor[] inbound, KerasTensor[] outputs)
    {
        var node = new Node(this, inbound) { Index = _inboundNodes.Count, OutputTensors = outputs };
        foreach (var o in outputs) o.Node = node;
        _inboundNodes.Add(node);
        return node;
    }

    /// <summary>Builds the layer for per-sample input shapes if needed, checks them, and returns the output shapes.</summary>
    internal virtual Shape[] SymbolicOutputShapes(Shape[] inputShapes)
    {
        ExpectInputCount(inputShapes.Length, 1);
        var shape = inputShapes[0];
        EnsureBuilt(shape);
        CheckInput(Shape.Wrap([1, .. shape.Dims]), KerasTensor.FormatWithBatch(shape));
        return [ComputeOutputShape(shape)];
    }

    /// <summary>Calls the layer on a list of tensors (one for most layers, several for merge layers and models).</summary>
    internal virtual Tensor[] InvokeMany(Tensor[] inputs, bool training)
    {
        ExpectInputCount(inputs.Length, 1);
        return [Invoke(inputs[0], training)];
    }

    /// <summary>Raises Keras's message when a layer gets the wrong number of inputs.</summary>
    private protected void ExpectInputCount(int received, int expected)
    {
        if (received != expected)
            throw new ArgumentException($"Layer \"{Name}\" expects {expected} input(s), but it received {received} input tensors.");
    }
}
