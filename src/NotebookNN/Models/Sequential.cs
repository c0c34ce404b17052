using NotebookNN.Layers;
using NotebookNN.Tensors;

namespace NotebookNN.Models;

/// <summary>
/// A plain stack of layers, each taking the previous one's output (keras.Sequential). The first layer may declare
/// the input shape (<c>inputShape:</c>), or the model may start with <c>Add(new Input(shape: [13]))</c>; otherwise the
/// model is built from the first data it sees.
/// </summary>
public class Sequential : Model
{
    private readonly List<Layer> _layers = [];
    private Shape? _inputShape;

    /// <param name="layers">The layers, in order.</param>
    /// <param name="name">Default <c>sequential</c>, <c>sequential_1</c>, ….</param>
    public Sequential(IEnumerable<Layer>? layers = null, string? name = null) : base(name)
    {
        if (layers is not null) foreach (var l in layers) Add(l);
    }

    public override IReadOnlyList<Layer> Layers => _layers;

    /// <summary>The per-sample input shape, once known.</summary>
    public Shape? InputShape => _inputShape;

    /// <summary>Adds a layer on top of the stack; returns the model, so calls chain.</summary>
    public Sequential Add(Layer layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        if (layer is InputLayer input)
        {
            if (_layers.Count > 0 || _inputShape is not null)
                throw new ArgumentException($"An InputLayer can only be the first layer of a Sequential model; model \"{Name}\" already has layers.");
            _inputShape = input.Shape;
            return this;
        }
        if (_layers.Any(l => l.Name == layer.Name))
            throw new ArgumentException($"All layers added to a Sequential model should have unique names. Name \"{layer.Name}\" is already the name of a layer in this model.");
        if (_layers.Count == 0 && _inputShape is null && layer.DeclaredInputShape is { } declared) _inputShape = declared;
        _layers.Add(layer);
        if (_inputShape is { } shape) BuildLayers(shape);
        return this;
    }

    /// <summary>Declares the input shape: <c>model.Add(new Input(shape: [13]))</c>.</summary>
    public Sequential Add(Input input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Add(input.Layer);
    }

    /// <summary>Removes the last layer.</summary>
    public Sequential Pop()
    {
        if (_layers.Count == 0) throw new InvalidOperationException($"There are no layers in model \"{Name}\" to pop.");
        _layers.RemoveAt(_layers.Count - 1);
        return this;
    }

    /// <summary>Builds every layer for a per-sample input shape (Keras's <c>model.build((None, ...))</c>).</summary>
    public void Build(int[] inputShape) => Build(new Shape(inputShape));

    /// <summary>A first layer built for the declared input checks the data with its real shape, e.g. (32, 785), before the
    /// model is built from the data (where later layers' messages show the batch as None).</summary>
    private protected override void CheckUnbuiltInput(Tensor x)
    {
        if (_layers.Count > 0 && _layers[0].Built) _layers[0].CheckInput(x.Shape);
    }

    /// <summary>
    /// Data whose samples are not the declared shape (<c>Flatten(inputShape: [28, 28])</c> given (n, 784) rows) is
    /// refused with Keras's message for the model's input, <c>expected shape=(None, 28, 28), found shape=(None, 784)</c>;
    /// a first layer that checks the input itself (Dense's last axis) gives its own message first, as before.
    /// Runs on every batch: compares spans, allocates nothing unless it fails.
    /// </summary>
    private protected override void CheckDeclaredInput(Tensor x)
    {
        if (_inputShape is not { } declared || x.NDim == 0 || x.Dims.AsSpan(1).SequenceEqual(declared.Dims)) return;
        if (_layers.Count > 0 && _layers[0].Built) _layers[0].CheckInput(x.Shape);
        throw new ArgumentException($"Input 0 of layer \"{Name}\" is incompatible with the layer: expected shape={KerasTensor.FormatWithBatch(declared)}, "
            + $"found shape={KerasTensor.FormatWithBatch(Shape.Wrap(x.Dims[1..]))}");
    }

    public override void Build(Shape inputShape)
    {
        if (_layers.Count == 0)
            throw new InvalidOperationException($"Sequential model {Name} cannot be built because it has no layers. Call `model.Add(layer)`.");
        BuildLayers(inputShape);
        _inputShape ??= inputShape; // after: a shape the layers refused is not kept
    }

    /// <summary>The per-sample output shape of each layer, for the summary; null before the input shape is known.</summary>
    internal IReadOnlyList<Shape>? OutputShapes()
    {
        if (_inputShape is not { } shape) return null;
        var result = new List<Shape>();
        foreach (var l in _layers) { shape = l.ComputeOutputShape(shape); result.Add(shape); }
        return result;
    }

    private void BuildLayers(Shape inputShape)
    {
        // each layer's input is checked as in a symbolic call: a layer built before (for the model's declared input)
        // refuses a shape of the wrong rank with Keras's message rather than failing in ComputeOutputShape
        var shape = inputShape;
        foreach (var l in _layers)
        {
            l.EnsureBuilt(shape);
            l.CheckInput(Shape.Wrap([1, .. shape.Dims]), KerasTensor.FormatWithBatch(shape));
            shape = l.ComputeOutputShape(shape);
        }
    }
}
