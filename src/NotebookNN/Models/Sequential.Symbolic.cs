using NotebookNN.Layers;
using NotebookNN.Randomness;
using NotebookNN.Tensors;

namespace NotebookNN.Models;

/// <summary>
/// A built Sequential model's graph of symbolic tensors, as Keras 2 keeps it: an input (the declared <c>Input</c>, or
/// one named <c>&lt;first layer&gt;_input</c>) and each layer called on the previous layer's output, so
/// <c>model.Inputs</c>, <c>model.Outputs</c> and <c>model.Layers[i].Output</c> exist and a sub-model
/// <c>new Model(model.Inputs, model.Layers[0].Output)</c> can be made from them.
/// </summary>
public partial class Sequential
{
    private InputLayer? _declaredInput;
    private KerasTensor? _symbolicInput;
    private readonly List<KerasTensor> _symbolicOutputs = [];

    /// <summary>The symbolic input once the model is built (Keras's <c>model.inputs</c>); empty before.</summary>
    public override IReadOnlyList<KerasTensor> Inputs => _symbolicInput is { } x ? [x] : [];

    /// <summary>The last layer's symbolic output once the model is built (Keras's <c>model.outputs</c>); empty before.</summary>
    public override IReadOnlyList<KerasTensor> Outputs => _symbolicOutputs.Count > 0 && _symbolicInput is not null ? [_symbolicOutputs[^1]] : [];

    /// <summary>Calls the layers not yet connected on the previous layer's symbolic output (the layers are built already).</summary>
    private void ConnectSymbolic()
    {
        if (InputShape is not { } shape || Layers.Count == 0) return;
        if (_symbolicInput is null || _symbolicInput.Shape != shape)
        {
            _symbolicOutputs.Clear();
            _symbolicInput = _declaredInput is { InboundNodes.Count: > 0 } declared && declared.Shape == shape
                ? declared.InboundNodes[0].OutputTensors[0] : NewInput(shape);
        }
        for (int i = _symbolicOutputs.Count; i < Layers.Count; i++)
            _symbolicOutputs.Add(Layers[i].Call(i == 0 ? _symbolicInput : _symbolicOutputs[i - 1]));
    }

    /// <summary>Keras 2's implicit input layer, <c>&lt;first layer&gt;_input</c>. Made under a throwaway random stream: an
    /// input layer draws its seed at construction, and the global stream must not depend on whether a graph was made.</summary>
    private Input NewInput(Shape shape)
    {
        using var _ = RandomGenerator.Use(new RandomGenerator(0));
        return new Input(shape, name: Layers[0].Name + "_input");
    }

    /// <summary>After <c>Pop</c>: the removed layer's output is no longer the model's.</summary>
    private void DisconnectLast()
    {
        if (_symbolicOutputs.Count > Layers.Count) _symbolicOutputs.RemoveRange(Layers.Count, _symbolicOutputs.Count - Layers.Count);
        if (Layers.Count == 0 && _declaredInput is null) _symbolicInput = null; // the next first layer names the input
    }
}
