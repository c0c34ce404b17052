using NotebookNN.Compute.Ops;

namespace NotebookNN.Tensors;

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
        var lse = NewUninitialized([batch]); // step-arena storage inside Fit
        var zSum = NewUninitialized([batch]);
        CrossEntropyRows.DenseForward(x.Span, z.Span, classes, loss.Span, lse.Data, zSum.Data);
        if (GradientTape.Recording(logits) is { } tape)
        {
            var op = tape.Push<SoftmaxCrossEntropyBackward>(loss, logits);
            op.Logits = x;
            op.Targets = z;
            op.LogSumExp = lse;
            op.TargetSum = zSum;
        }
        return loss;
    }

    private sealed class SoftmaxCrossEntropyBackward : TapeOp
    {
        internal Tensor Logits = null!, Targets = null!, LogSumExp = null!, TargetSum = null!;

        internal override void Backward(Tensor g, bool[] needed, Tensor?[] grads)
        {
            var dx = NewUninitialized(Logits.Dims);
            CrossEntropyRows.DenseBackward(Logits.Span, Targets.Span, Logits.Dims[1], LogSumExp.Data, TargetSum.Data, g.Contiguous().Span, dx.Span);
            grads[0] = dx;
        }

        internal override void Clear()
        {
            base.Clear();
            Logits = Targets = LogSumExp = TargetSum = null!;
        }
    }
}
