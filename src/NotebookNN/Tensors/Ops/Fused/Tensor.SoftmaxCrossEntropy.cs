using NotebookNN.Kernels.Ops;

namespace NotebookNN;

public partial class Tensor
{
    /// <summary>
    /// Fused softmax + categorical cross-entropy on logits (batch, classes) with one-hot (or soft) targets of the
    /// same shape: per-sample losses −Σ z·log softmax(x), shape (batch,), via a stable log-sum-exp. Backward
    /// writes (softmax·Σz − z)·g (= (softmax − onehot)·g for one-hot targets) into the logits' gradient.
    /// The targets get no gradient.
    /// </summary>
    /// <exception cref="ArgumentException">The logits are not 2-D or the targets' shape differs.</exception>
    internal static Tensor SoftmaxCrossEntropy(Tensor logits, Tensor oneHot)
    {
        if (logits.NDim != 2 || oneHot.Shape != logits.Shape)
            throw new ArgumentException($"Expected logits of shape (batch, classes) and targets of the same shape. Received: logits.shape={logits.Shape}, targets.shape={oneHot.Shape}");
        int batch = logits.Dims[0], classes = logits.Dims[1];
        var x = logits.Contiguous();
        var z = oneHot.Contiguous();
        var loss = NewUninitialized([batch]);
        var lse = NewUninitialized([batch]).Data; // step-arena storage inside Fit
        var zSum = NewUninitialized([batch]).Data;
        CrossEntropyRows.DenseForward(x.Span, z.Span, classes, loss.Span, lse, zSum);
        GradientTape.Record(loss, logits, g =>
        {
            var dx = NewUninitialized([batch, classes]);
            CrossEntropyRows.DenseBackward(x.Span, z.Span, classes, lse, zSum, g.Contiguous().Span, dx.Span);
            return dx;
        });
        return loss;
    }
}
