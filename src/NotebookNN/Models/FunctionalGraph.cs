using NotebookNN.Layers;
using NotebookNN.Tensors;

namespace NotebookNN.Models;

/// <summary>
/// The graph of a functional model (Keras 2's <c>_map_graph_network</c>): the nodes from the inputs to the outputs in
/// an order that computes each tensor before its use, the layers ordered as Keras lists them (by depth from the
/// outputs, deepest first, ties in traversal order); the forward pass over real tensors is in FunctionalGraph.Run.cs.
/// </summary>
internal sealed partial class FunctionalGraph
{
    public FunctionalGraph(string modelName, KerasTensor[] inputs, KerasTensor[] outputs)
    {
        ModelName = modelName;
        Inputs = CheckInputs(inputs);
        Outputs = CheckOutputs(outputs);
        var order = new List<Node>();
        var layerIndex = new Dictionary<Layer, int>(ReferenceEqualityComparer.Instance);
        var done = new HashSet<Node>(ReferenceEqualityComparer.Instance);
        foreach (var o in Outputs) Visit(o.Node!, order, layerIndex, done);
        Nodes = order;
        CheckConnected();
        Layers = OrderLayers(order, layerIndex, out var nodeDepth);
        SequentialLike = IsSequentialLike(nodeDepth);
        (_steps, _inputSlots, _outputSlots, _slotCount) = Plan(order, Inputs, Outputs);
        _outputOfStep = OutputOfStep(_steps, _outputSlots);
        var dup = Layers.GroupBy(l => l.Name).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null)
            throw new ArgumentException($"The name \"{dup.Key}\" is used {dup.Count()} times in the model. All layer names should be unique.");
    }

    public string ModelName { get; }
    public KerasTensor[] Inputs { get; }
    public KerasTensor[] Outputs { get; }
    /// <summary>Every node of the model, each after the nodes it depends on.</summary>
    public IReadOnlyList<Node> Nodes { get; }
    public IReadOnlyList<Layer> Layers { get; }

    /// <summary>Keras 2's <c>sequential_like</c> for the summary: one node at each depth, none with several inputs, and
    /// no layer called twice in the model (a chain of layers, printed without the <c>Connected to</c> column).</summary>
    public bool SequentialLike { get; }

    private bool IsSequentialLike(Dictionary<Node, int> nodeDepth)
    {
        var byDepth = Nodes.GroupBy(n => nodeDepth.GetValueOrDefault(n)).ToList();
        return byDepth.All(g => g.Count() == 1 && g.Single().InboundTensors.Count <= 1)
            && Nodes.GroupBy(n => n.Layer, ReferenceEqualityComparer.Instance).All(g => g.Count() == 1);
    }

    /// <summary>The output shapes for per-sample input shapes, which must be the model's own.</summary>
    public Shape[] OutputShapes(Shape[] inputShapes)
    {
        CheckCount(inputShapes.Length);
        for (int i = 0; i < inputShapes.Length; i++)
            if (inputShapes[i] != Inputs[i].Shape)
                throw new ArgumentException($"Input {i} of layer \"{ModelName}\" is incompatible with the layer: expected shape={Inputs[i].ShapeText}, found shape={KerasTensor.FormatWithBatch(inputShapes[i])}");
        return Outputs.Select(o => o.Shape).ToArray();
    }

    private void CheckCount(int received)
    {
        if (received != Inputs.Length)
            throw new ArgumentException($"Layer \"{ModelName}\" expects {Inputs.Length} input(s), but it received {received} input tensors.");
    }

    private static void Visit(Node node, List<Node> order, Dictionary<Layer, int> layerIndex, HashSet<Node> done)
    {
        if (done.Contains(node)) return;
        layerIndex.TryAdd(node.Layer, layerIndex.Count);
        foreach (var t in node.InboundTensors) Visit(t.Node!, order, layerIndex, done);
        done.Add(node);
        order.Add(node);
    }

    /// <summary>Every tensor used must come from the model's inputs: an input layer not among them disconnects the graph.</summary>
    private void CheckConnected()
    {
        var computable = new HashSet<KerasTensor>(Inputs, ReferenceEqualityComparer.Instance);
        var accessed = new List<string>();
        foreach (var node in Nodes)
        {
            if (node.InboundTensors.Count == 0) continue;
            foreach (var t in node.InboundTensors)
                if (!computable.Contains(t))
                    throw new ArgumentException($"Graph disconnected: cannot obtain value for tensor {t} at layer \"{node.Layer.Name}\". The following previous layers were accessed without issue: [{string.Join(", ", accessed.Select(n => $"'{n}'"))}]");
            foreach (var o in node.OutputTensors) computable.Add(o);
            if (!accessed.Contains(node.Layer.Name)) accessed.Add(node.Layer.Name);
        }
    }

    /// <summary>Keras 2's layer order: depth from the outputs (each node deeper than the nodes it feeds), deepest first.</summary>
    private static List<Layer> OrderLayers(List<Node> order, Dictionary<Layer, int> layerIndex, out Dictionary<Node, int> nodeDepth)
    {
        nodeDepth = new Dictionary<Node, int>(ReferenceEqualityComparer.Instance);
        var layerDepth = new Dictionary<Layer, int>(ReferenceEqualityComparer.Instance);
        for (int i = order.Count - 1; i >= 0; i--)
        {
            var node = order[i];
            int depth = Math.Max(nodeDepth.GetValueOrDefault(node), layerDepth.GetValueOrDefault(node.Layer));
            layerDepth[node.Layer] = depth;
            nodeDepth[node] = depth;
            foreach (var t in node.InboundTensors)
                nodeDepth[t.Node!] = Math.Max(depth + 1, nodeDepth.GetValueOrDefault(t.Node!));
        }
        return layerDepth.Keys.OrderByDescending(l => layerDepth[l]).ThenBy(l => layerIndex[l]).ToList();
    }

    private static KerasTensor[] CheckInputs(KerasTensor[] inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Length == 0) throw new ArgumentException("A functional model needs at least one input. Received: inputs=[]");
        foreach (var t in inputs)
        {
            ArgumentNullException.ThrowIfNull(t, nameof(inputs));
            if (t.Producer is not InputLayer)
                throw new ArgumentException($"Input tensors to a functional model must come from `Input`. Received: {t} (created by layer '{t.Producer.Name}')");
        }
        if (inputs.Distinct(ReferenceEqualityComparer.Instance).Count() != inputs.Length)
            throw new ArgumentException("The list of inputs passed to the model contains the same input multiple times.");
        return inputs;
    }

    private static KerasTensor[] CheckOutputs(KerasTensor[] outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        if (outputs.Length == 0) throw new ArgumentException("A functional model needs at least one output. Received: outputs=[]");
        foreach (var t in outputs)
        {
            ArgumentNullException.ThrowIfNull(t, nameof(outputs));
            if (t.Node is null) throw new ArgumentException($"Output tensors of a functional model must be the outputs of layers called on symbolic tensors. Received: {t}");
        }
        return outputs;
    }
}
