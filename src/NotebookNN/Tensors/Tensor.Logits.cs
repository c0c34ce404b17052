namespace NotebookNN.Tensors;

public partial class Tensor
{
    /// <summary>
    /// When this tensor is the softmax (or sigmoid) of another, that tensor: the logits. Cross-entropy losses then
    /// compute from the logits with one fused, stable op, as Keras 2 does for outputs of a softmax / sigmoid
    /// activation. Null for every other tensor.
    /// </summary>
    internal Tensor? SoftmaxLogits;

    /// <inheritdoc cref="SoftmaxLogits"/>
    internal Tensor? SigmoidLogits;

    internal static Tensor SoftmaxKeepingLogits(Tensor logits)
    {
        var p = Softmax(logits);
        p.SoftmaxLogits = logits;
        return p;
    }

    internal static Tensor SigmoidKeepingLogits(Tensor logits)
    {
        var p = Sigmoid(logits);
        p.SigmoidLogits = logits;
        return p;
    }
}
