using NotebookNN.Layers;
using NotebookNN.Tensors;

namespace NotebookNN.Models;

/// <summary>
/// The forward pass of a functional model over real tensors: a plan made once from the graph (a slot for every
/// symbolic tensor, the layer calls in order with their slots), run with buffers lent to one call at a time, so a
/// training step allocates nothing here.
/// </summary>
internal sealed partial class FunctionalGraph
{
    /// <summary>One layer call of the forward pass: where its inputs are and where its outputs go in the value slots.
    /// <see cref="Single"/>: one tensor in, one out, through <see cref="Layer.Invoke"/> (no arrays).</summary>
    private sealed record Step(Layer Layer, int[] In, int[] Out, bool Single);

    private readonly Step[] _steps;
    private readonly int[] _inputSlots, _outputSlots;
    /// <summary>For each step, the output it computes when that output's logits may be asked for (a one-in, one-out
    /// layer ending in an activation, <see cref="IActivatedLayer"/>), else -1.</summary>
    private readonly int[] _outputOfStep;
    private readonly int _slotCount;
    /// <summary>Buffers not in use: a call takes them (or makes its own when another call holds them) and gives them back cleared.</summary>
    private readonly CallBuffers?[] _freeBuffers = new CallBuffers?[2]; // two: Predict's lanes call at once

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

    /// <summary><see cref="Run"/> into <paramref name="outputs"/> (one slot per output), which it returns. With
    /// <paramref name="logits"/> (one slot per output), an output whose layer ends in an activation gets that
    /// activation's input there (<see cref="Model.Forward(Tensor[], bool, ref Tensor[], Tensor?[])"/>).</summary>
    public Tensor[] RunInto(Tensor[] inputs, Tensor[] outputs, bool training, Tensor?[]? logits = null)
    {
        CheckCount(inputs.Length);
        var buffers = Evaluate(inputs, null, training, logits);
        try
        {
            for (int i = 0; i < outputs.Length; i++) outputs[i] = buffers.Values[_outputSlots[i]]!;
            return outputs;
        }
        finally { Release(buffers); }
    }

    /// <summary><see cref="Run"/> for a graph of one input and one output, without arrays: a training step's forward pass.</summary>
    public Tensor RunSingle(Tensor input, bool training, Tensor?[]? logits = null)
    {
        if (Inputs.Length != 1 || Outputs.Length != 1) throw new InvalidOperationException($"Internal: model \"{ModelName}\" has several inputs or outputs.");
        var buffers = Evaluate(null, input, training, logits);
        try { return buffers.Values[_outputSlots[0]]!; }
        finally { Release(buffers); }
    }

    /// <summary>The value of every slot for these inputs (the array of inputs, or the single input).</summary>
    private CallBuffers Evaluate(Tensor[]? inputs, Tensor? single, bool training, Tensor?[]? logits)
    {
        var buffers = Interlocked.Exchange(ref _freeBuffers[0], null) ?? Interlocked.Exchange(ref _freeBuffers[1], null)
            ?? new CallBuffers(_slotCount, _steps);
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
                if (step.Single)
                {
                    var x = values[step.In[0]]!;
                    int o = logits is null ? -1 : _outputOfStep[k];
                    values[step.Out[0]] = o < 0 ? step.Layer.Invoke(x, training) : step.Layer.InvokeSplit(x, training, out logits![o]);
                    continue;
                }
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

    /// <summary>The layer computing output <paramref name="output"/> when it is a one-in, one-out layer ending in an
    /// activation (whose logits <see cref="RunInto"/> can give), else null.</summary>
    public Layer? OutputLayer(int output)
    {
        int k = Array.IndexOf(_outputOfStep, output);
        return k < 0 ? null : _steps[k].Layer;
    }

    /// <summary>For each step, the first output it computes as a one-in, one-out layer ending in an activation, else -1.</summary>
    private static int[] OutputOfStep(Step[] steps, int[] outputSlots) =>
        steps.Select(s => s.Single && s.Layer is IActivatedLayer ? Array.IndexOf(outputSlots, s.Out[0]) : -1).ToArray();

    private void Release(CallBuffers buffers)
    {
        buffers.Clear();
        if (Interlocked.CompareExchange(ref _freeBuffers[0], buffers, null) is not null)
            Interlocked.CompareExchange(ref _freeBuffers[1], buffers, null);
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
}
