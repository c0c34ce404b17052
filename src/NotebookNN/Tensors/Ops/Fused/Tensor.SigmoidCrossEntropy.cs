using NotebookNN.Kernels.Ops;

namespace NotebookNN;

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
        GradientTape.Record(loss, logits, g => Elementwise.Binary<MulOp>(Elementwise.Binary<SigmoidCrossEntropyGradOp>(logits, labels), g));
        return loss;
    }
}
