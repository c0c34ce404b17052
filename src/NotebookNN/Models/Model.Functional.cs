using NotebookNN.Layers;
using NotebookNN.Tensors;

namespace NotebookNN.Models;

public partial class Model
{
    private readonly FunctionalGraph? _graph;

    /// <summary>A functional model from one input to one output: <c>new Model(inputs: input, outputs: output)</c>.</summary>
    /// <param name="inputs">The symbolic input (an <see cref="Input"/>).</param>
    /// <param name="outputs">A symbolic tensor computed from the input by calling layers.</param>
    /// <param name="name">The model's name; default <c>model</c>, <c>model_1</c>, ….</param>
    public Model(KerasTensor inputs, KerasTensor outputs, string? name = null) : this([inputs], [outputs], name) { }

    /// <summary>A functional model with several inputs and one output.</summary>
    public Model(KerasTensor[] inputs, KerasTensor outputs, string? name = null) : this(inputs, [outputs], name) { }

    /// <summary>A functional model with one input and several outputs.</summary>
    public Model(KerasTensor inputs, KerasTensor[] outputs, string? name = null) : this([inputs], outputs, name) { }

    /// <summary>A functional model with several inputs and outputs: <c>new Model([inputA, inputB], [main, aux])</c>.</summary>
    public Model(KerasTensor[] inputs, KerasTensor[] outputs, string? name = null) : this(name)
    {
        _graph = new FunctionalGraph(Name, inputs, outputs);
        EnsureBuilt(inputs[0].Shape);
    }

    internal FunctionalGraph? Graph => _graph;

    /// <summary>Whether this is a functional model (built from <see cref="Input"/>s and layer calls).</summary>
    public bool IsFunctional => _graph is not null;

    /// <summary>The symbolic inputs of a functional model (empty otherwise).</summary>
    public IReadOnlyList<KerasTensor> Inputs => _graph?.Inputs ?? [];

    /// <summary>The symbolic outputs of a functional model (empty otherwise).</summary>
    public IReadOnlyList<KerasTensor> Outputs => _graph?.Outputs ?? [];

    /// <summary>The names of the input layers, in order (keys for dictionary inputs).</summary>
    public IReadOnlyList<string> InputNames => Inputs.Select(t => t.Producer.Name).ToList();

    /// <summary>The names of the layers producing the outputs, in order (keys for dictionary targets and History).</summary>
    public IReadOnlyList<string> OutputNames => Outputs.Select(t => t.Producer.Name).ToList();

    /// <summary>Calls the model on several symbolic tensors (a model used as a layer); one symbolic tensor per output.</summary>
    public KerasTensor[] Call(KerasTensor[] inputs) => CallSymbolic(inputs);

    /// <summary>The per-sample output shape: a functional model's single output, or each layer in turn for a stack.</summary>
    public override Shape ComputeOutputShape(Shape inputShape)
    {
        if (_graph is not null)
        {
            var shapes = _graph.OutputShapes([inputShape]);
            if (shapes.Length != 1) throw new InvalidOperationException($"Model \"{Name}\" has {shapes.Length} outputs; it has no single output shape.");
            return shapes[0];
        }
        if (OverridesMultiCall)
            throw new NotSupportedException($"Model \"{Name}\" is a subclassed model: its output shape is only known by calling it on data.");
        foreach (var l in Layers) inputShape = l.ComputeOutputShape(inputShape);
        return inputShape;
    }

    internal override Shape[] SymbolicOutputShapes(Shape[] inputShapes)
    {
        if (_graph is not null) return _graph.OutputShapes(inputShapes);
        if (this is Sequential || !OverridesMultiCall) return base.SymbolicOutputShapes(inputShapes);
        // A subclassed model's shapes are known only by running it: one sample of zeros per input, as Keras traces it.
        var probe = InvokeMany(inputShapes.Select(s => Tensor.Zeros(new Shape([1, .. s.Dims]))).ToArray(), training: false);
        return probe.Select(t => Shape.Wrap(t.Dims[1..])).ToArray();
    }

    internal override Tensor[] InvokeMany(Tensor[] inputs, bool training)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (_graph is not null) return _graph.Run(inputs, training);
        if (OverridesMultiCall) { MarkBuilt(inputs); return CheckedOutputs(Call(inputs, training)); }
        return base.InvokeMany(inputs, training);
    }

    /// <summary>What a subclassed model's <c>Call</c> returned, refused with a clear message when it is no list of tensors.</summary>
    private Tensor[] CheckedOutputs(Tensor[]? outputs)
    {
        if (outputs is null || outputs.Length == 0)
            throw new InvalidOperationException($"The Call of model \"{Name}\" ({GetType().Name}) returned {(outputs is null ? "null" : "no tensors")}; expected one tensor per output.");
        for (int i = 0; i < outputs.Length; i++)
            if (outputs[i] is null)
                throw new InvalidOperationException($"Output {i} of the Call of model \"{Name}\" ({GetType().Name}) is null; expected a tensor.");
        return outputs;
    }

    /// <summary>A subclassed model is built by its first call.</summary>
    private protected void MarkBuilt(Tensor[] inputs)
    {
        if (!Built && inputs.Length > 0 && inputs[0] is { NDim: > 0 } x) EnsureBuilt(x);
    }
}
