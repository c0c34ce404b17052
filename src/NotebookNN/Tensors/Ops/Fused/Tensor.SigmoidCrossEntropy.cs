using NotebookNN.Compute.Ops;

namespace NotebookNN.Tensors;

public partial class Tensor
{
    /// <summary>
    /// Fused sigmoid + binary cross-entropy on logits, elementwise with labels of the same shape:
    /// max(x, 0) − x·z + log(1 + e^−|x|), which never overflows. Backward: (sigmoid(x) − z)·g to the logits;
    /// the labels get no gradient.
    /// </summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    internal static Tensor SigmoidCrossEntropy(Tensor logits, Tensor labels)
    {
        if (logits.Shape != labels.Shape)
            throw new ArgumentException($"Expected labels with the logits' shape. Received: logits.shape={logits.Shape}, labels.shape={labels.Shape}");
        var loss = Elementwise.Binary<SigmoidCrossEntropyOp>(logits, labels);
        if (GradientTape.Recording(logits) is { } tape) tape.Push<SigmoidCrossEntropyBackward>(loss, logits).Labels = labels;
        return loss;
    }

    private sealed class SigmoidCrossEntropyBackward : TapeOp
    {
        internal Tensor Labels = null!;

        internal override void Backward(Tensor g, bool[] needed, Tensor?[] grads) =>
            grads[0] = Elementwise.Binary<MulOp>(Elementwise.Binary<SigmoidCrossEntropyGradOp>(Inputs[0], Labels), g);

        internal override void Clear()
        {
            base.Clear();
            Labels = null!;
        }
    }
}
