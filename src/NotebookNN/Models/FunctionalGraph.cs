using NotebookNN.Layers;

namespace NotebookNN;

/// <summary>
/// The graph of a functional model (Keras 2's <c>_map_graph_network</c>): the nodes from the inputs to the outputs in
/// an order that computes each tensor before its use, the layers ordered as Keras lists them (by depth from the
/// outputs, deepest first, ties in traversal order), and the forward pass over real tensors.
/// </summary>
internal sealed class FunctionalGraph
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
        Layers = OrderLayers(order, layerIndex);
        (_steps, _inputSlots, _outputSlots, _slotCount) = Plan(order, Inputs, Outputs);
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

    /// <summary>One layer call of the forward pass: where its inputs are and where its outputs go in the value slots.
    /// <see cref="Single"/>: one tensor in, one out, through <see cref="Layer.Invoke"/> (no arrays).</summary>
    private sealed record Step(Layer Layer, int[] In, int[] Out, bool Single);

    private readonly Step[] _steps;
    private readonly int[] _inputSlots, _outputSlots;
    private readonly int _slotCount;
    /// <summary>Buffers not in use: a call takes them (or makes its own when another call holds them) and gives them back cleared.</summary>
    private CallBuffers? _freeBuffers;

    /// <summary>One call's value slots, and an argument array for each layer call that takes a list.</summary>
    private sealed class CallBuffers(int slots, Step[] steps)
    {
        public readonly Tensor?[] Values = new Tensor?[slots];
        public readonly Tensor[]?[] Args = steps.Select(s => s.Single ? null : new Tensor[s.In.Length]).ToArray();

        public void Clear()
        {
            Array.Clear(Values); // must not keep a step's tensors alive
            foreach (var a in Args) if (a is not null) Array.Clear(a);
        }
    }

    /// <summary>Runs the graph on real tensors, one per input, batch axis first; returns one tensor per output.</summary>
    public Tensor[] Run(Tensor[] inputs, bool training) => RunInto(inputs, new Tensor[_outputSlots.Length], training);

    /// <summary><see cref="Run"/> into <paramref name="outputs"/> (one slot per output), which it returns.</summary>
    public Tensor[] RunInto(Tensor[] inputs, Tensor[] outputs, bool training)
    {
        CheckCount(inputs.Length);
        var buffers = Evaluate(inputs, null, training);
        try
        {
            for (int i = 0; i < outputs.Length; i++) outputs[i] = buffers.Values[_outputSlots[i]]!;
            return outputs;
        }
        finally { Release(buffers); }
    }

    /// <summary><see cref="Run"/> for a graph of one input and one output, without arrays: a training step's forward pass.</summary>
    public Tensor RunSingle(Tensor input, bool training)
    {
        if (Inputs.Length != 1 || Outputs.Length != 1) throw new InvalidOperationException($"Internal: model \"{ModelName}\" has several inputs or outputs.");
        var buffers = Evaluate(null, input, training);
        try { return buffers.Values[_outputSlots[0]]!; }
        finally { Release(buffers); }
    }

    /// <summary>The value of every slot for these inputs (the array of inputs, or the single input).</summary>
    private CallBuffers Evaluate(Tensor[]? inputs, Tensor? single, bool training)
    {
        var buffers = Interlocked.Exchange(ref _freeBuffers, null) ?? new CallBuffers(_slotCount, _steps);
        var values = buffers.Values;
        try
        {
            for (int i = 0; i < Inputs.Length; i++)
            {
                var x = (inputs is null ? single : inputs[i]) ?? throw new ArgumentNullException(nameof(inputs), $"Input {i} of model \"{ModelName}\" is null.");
                if (x.NDim == 0 || !x.Dims.AsSpan(1).SequenceEqual(Inputs[i].Shape.Dims))
                    throw new ArgumentException($"Input {i} of layer \"{ModelName}\" is incompatible with the layer: expected shape={Inputs[i].ShapeText}, found shape={x.Shape}");
                values[_inputSlots[i]] = x;
            }
            for (int k = 0; k < _steps.Length; k++)
            {
                var step = _steps[k];
                if (step.Single) { values[step.Out[0]] = step.Layer.Invoke(values[step.In[0]]!, training); continue; }
                var args = buffers.Args[k]!;
                for (int i = 0; i < args.Length; i++) args[i] = values[step.In[i]]!;
                if (step.Layer is Merge merge) { values[step.Out[0]] = merge.MergeChecked(args); continue; }
                var results = step.Layer.InvokeMany((Tensor[])args.Clone(), training); // a nested model may keep its list
                for (int i = 0; i < results.Length; i++) values[step.Out[i]] = results[i];
            }
            return buffers;
        }
        catch
        {
            Release(buffers);
            throw;
        }
    }

    private void Release(CallBuffers buffers)
    {
        buffers.Clear();
        Volatile.Write(ref _freeBuffers, buffers);
    }

    /// <summary>Numbers every symbolic tensor (a slot) and lists the layer calls in order with their slots.</summary>
    private static (Step[], int[], int[], int) Plan(List<Node> order, KerasTensor[] inputs, KerasTensor[] outputs)
    {
        var slot = new Dictionary<KerasTensor, int>(ReferenceEqualityComparer.Instance);
        int Slot(KerasTensor t) => slot.TryGetValue(t, out int s) ? s : slot[t] = slot.Count;
        var inputSlots = inputs.Select(Slot).ToArray();
        var steps = new List<Step>();
        foreach (var node in order)
        {
            if (node.InboundTensors.Count == 0) continue;
            var ins = node.InboundTensors.Select(Slot).ToArray();
            var outs = node.OutputTensors.Select(Slot).ToArray();
            // merge layers and nested models take lists; every other layer's InvokeMany is Invoke on its one input
            bool single = ins.Length == 1 && outs.Length == 1 && node.Layer is not Merge and not Model;
            steps.Add(new Step(node.Layer, ins, outs, single));
        }
        return ([.. steps], inputSlots, outputs.Select(Slot).ToArray(), slot.Count);
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
    private static List<Layer> OrderLayers(List<Node> order, Dictionary<Layer, int> layerIndex)
    {
        var nodeDepth = new Dictionary<Node, int>(ReferenceEqualityComparer.Instance);
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
