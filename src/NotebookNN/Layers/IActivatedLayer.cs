using NotebookNN.Tensors;

namespace NotebookNN.Layers;

/// <summary>
/// A layer whose output is an activation applied to what it computes (<see cref="Dense"/>, <see cref="Activation"/>).
/// When such a layer computes a model's output, ends in softmax or sigmoid and the output is compiled with the matching
/// cross-entropy, the trainer asks it for the activation's input (the logits) and computes the loss from those, as
/// Keras's <c>from_logits=True</c> does (<c>OutputHeads.FromLogits</c>).
/// </summary>
internal interface IActivatedLayer
{
    /// <summary>The activation the layer ends in.</summary>
    ActivationFunction Activation { get; }

    /// <summary>The layer's output before its activation (the layer is built and its input checked).</summary>
    Tensor CallLogits(Tensor inputs, bool training);
}
