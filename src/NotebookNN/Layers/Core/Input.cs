using NotebookNN.Tensors;

namespace NotebookNN.Layers;

/// <summary>
/// A symbolic model input with a per-sample shape (keras.Input): <c>model.Add(new Input(shape: [13]))</c> in a
/// Sequential model, or the start of a functional graph.
/// </summary>
public class Input : KerasTensor
{
    /// <param name="shape">Per-sample shape, without the batch axis.</param>
    /// <param name="name">Name of the input layer; default <c>input_1</c>, <c>input_2</c>, … (Keras 2's names).</param>
    public Input(Shape shape, string? name = null) : this(new InputLayer(shape, name)) { }

    private Input(InputLayer layer) : base(layer.Shape, layer)
    {
        Layer = layer;
        Node = layer.AddNode([], [this]);
    }

    /// <summary>The input layer this symbolic tensor comes from.</summary>
    public InputLayer Layer { get; }

    /// <summary>
    /// Its input layer, so a Sequential model's list can start with it as in Keras 3's guide:
    /// <c>new Sequential([new Input(shape: [4]), new Dense(3, activation: "softmax")])</c> (the same as
    /// <c>model.Add(new Input(...))</c>).
    /// </summary>
    public static implicit operator Layer(Input input) => input?.Layer!;
}
