using NotebookNN.Compute.Ops;

namespace NotebookNN.Tensors;

public partial class Tensor
{
    /// <summary>
    /// Fused softmax + sparse categorical cross-entropy on logits (batch, classes) with integer class labels
    /// stored as floats, shape (batch,) or (batch, 1). Returns the per-sample losses (batch,), computed with a
    /// stable log-sum-exp; backward writes (softmax − onehot)·g straight into the logits' gradient.
    /// </summary>
    /// <exception cref="ArgumentException">Shapes do not match, or a label is not a whole number in [0, classes).</exception>
    internal static Tensor SparseSoftmaxCrossEntropy(Tensor logits, Tensor labels)
    {
        if (logits.NDim != 2)
            throw new ArgumentException($"Expected logits of shape (batch, classes). Received: logits.shape={logits.Shape}");
        int batch = logits.Dims[0], classes = logits.Dims[1];
        bool labelShapeOk = labels.Size == batch && (labels.NDim == 1 || (labels.NDim == 2 && labels.Dims[1] == 1));
        if (!labelShapeOk)
            throw new ArgumentException($"Expected labels of shape ({batch},) or ({batch}, 1) for logits of shape {logits.Shape}. Received: labels.shape={labels.Shape}");
        var x = logits.Contiguous();
        var z = labels.Contiguous();
        int bad = CrossEntropyRows.FirstInvalidLabel(z.Span, classes);
        if (bad >= 0)
            throw new ArgumentException(Invariant($"Received a label value of {z.Span[bad]} at index {bad}, which is not a class index: expected a whole number in [0, {classes - 1}] for {classes} classes."));

        var loss = NewUninitialized([batch]);
        var lse = NewUninitialized([batch]); // step-arena storage inside Fit
        CrossEntropyRows.SparseForward(x.Span, classes, z.Span, loss.Span, lse.Data);
        if (GradientTape.Recording(logits) is { } tape)
        {
            var op = tape.Push<SparseSoftmaxCrossEntropyBackward>(loss, logits);
            op.Logits = x;
            op.Labels = z;
            op.LogSumExp = lse;
        }
        return loss;
    }

    /// <summary>(softmax − onehot)·g written straight into the logits' gradient.</summary>
    private sealed class SparseSoftmaxCrossEntropyBackward : TapeOp
    {
        internal Tensor Logits = null!, Labels = null!, LogSumExp = null!;

        internal override void Backward(Tensor g, bool[] needed, Tensor?[] grads)
        {
            var dx = NewUninitialized(Logits.Dims);
            CrossEntropyRows.SparseBackward(Logits.Span, Logits.Dims[1], Labels.Span, LogSumExp.Data, g.Contiguous().Span, dx.Span);
            grads[0] = dx;
        }

        internal override void Clear()
        {
            base.Clear();
            Logits = Labels = LogSumExp = null!;
        }
    }
}
