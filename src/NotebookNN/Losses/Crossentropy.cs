using NotebookNN.Tensors;

namespace NotebookNN.Losses;

/// <summary>
/// Binary cross-entropy (keras.losses.BinaryCrossentropy, "binary_crossentropy"): probabilities clipped to
/// [1e-7, 1 − 1e-7], or logits with a stable fused op (<paramref name="fromLogits"/>; Fit uses that form for a model
/// output ending in a sigmoid activation, from the activation's input). Mean over the last axis.
/// </summary>
public sealed class BinaryCrossentropy(bool fromLogits = false) : Loss("binary_crossentropy")
{
    public bool FromLogits { get; } = fromLogits;

    public override Tensor Call(Tensor yTrue, Tensor yPred)
    {
        var t = AlignTrue(yTrue, yPred);
        if (FromLogits) return Tensor.SigmoidCrossEntropy(yPred, t).Mean(axis: -1);
        var p = Tensor.Clip(yPred, LossConstants.Epsilon, 1f - LossConstants.Epsilon);
        return (-(t * Tensor.Log(p) + (1f - t) * Tensor.Log(1f - p))).Mean(axis: -1);
    }
}

/// <summary>
/// Categorical cross-entropy for one-hot targets (keras.losses.CategoricalCrossentropy): probabilities normalised
/// over the last axis and clipped, or logits through a fused log-sum-exp op (<paramref name="fromLogits"/>; Fit uses
/// that form for a model output ending in a softmax activation, from the activation's input). Sum over the classes.
/// </summary>
public sealed class CategoricalCrossentropy(bool fromLogits = false) : Loss("categorical_crossentropy")
{
    public bool FromLogits { get; } = fromLogits;

    public override Tensor Call(Tensor yTrue, Tensor yPred)
    {
        if (yTrue.Shape != yPred.Shape)
            throw new ArgumentException($"Arguments `target` and `output` must have the same shape. Received: target.shape={yTrue.Shape}, output.shape={yPred.Shape}");
        if (FromLogits) return Tensor.SoftmaxCrossEntropy(yPred, yTrue);
        return FromProbabilities(yTrue, yPred);
    }

    /// <summary>Keras's probability path: normalise over the last axis, clip to [ε, 1 − ε], −Σ t·log p.</summary>
    internal static Tensor FromProbabilities(Tensor oneHot, Tensor yPred)
    {
        var p = yPred / yPred.Sum(axis: -1, keepDims: true);
        p = Tensor.Clip(p, LossConstants.Epsilon, 1f - LossConstants.Epsilon);
        return (-(oneHot * Tensor.Log(p))).Sum(axis: -1);
    }
}

/// <summary>
/// Cross-entropy for integer class labels (keras.losses.SparseCategoricalCrossentropy): labels of shape (batch,) or
/// (batch, 1) against (batch, classes) outputs; from logits or probabilities as <see cref="CategoricalCrossentropy"/>.
/// </summary>
public sealed class SparseCategoricalCrossentropy(bool fromLogits = false) : Loss("sparse_categorical_crossentropy")
{
    public bool FromLogits { get; } = fromLogits;

    public override Tensor Call(Tensor yTrue, Tensor yPred)
    {
        if (yPred.NDim < 2)
            throw new ArgumentException($"sparse_categorical_crossentropy expects outputs of shape (batch, classes). Received: y_pred.shape={yPred.Shape}");
        var labels = yTrue.NDim == yPred.NDim && yTrue.Shape[^1] == 1 ? yTrue.Squeeze(-1) : yTrue;
        SparseLabels.CheckShape(labels, yTrue, yPred);
        if (FromLogits) return Tensor.SparseSoftmaxCrossEntropy(yPred, labels);
        int classes = yPred.Shape[^1];
        SparseLabels.Check(labels, classes);
        var oneHot = Tensor.Equal(labels.Reshape(-1, 1), Tensor.Arange(classes));
        return CategoricalCrossentropy.FromProbabilities(oneHot, yPred);
    }
}

/// <summary>Checks integer class labels, with a message naming the offending value and the class count.</summary>
internal static class SparseLabels
{
    /// <summary>Labels must have the outputs' shape without the class axis (Keras's messages; one-hot labels get a hint).</summary>
    public static void CheckShape(Tensor labels, Tensor yTrue, Tensor yPred)
    {
        // the messages are built only when thrown: this check runs every training step
        string Shapes() => $"Received: target.shape={yTrue.Shape}, output.shape={yPred.Shape}";
        if (labels.NDim != yPred.NDim - 1)
        {
            string hint = yTrue.Shape == yPred.Shape ? " These look like one-hot labels: use categorical_crossentropy, or give class indices." : "";
            throw new ArgumentException($"Argument `output` must have rank (ndim) `target.ndim + 1`, with integer class labels as target. {Shapes()}.{hint}");
        }
        for (int i = 0; i < labels.NDim; i++)
            if (labels.Dims[i] != yPred.Dims[i])
                throw new ArgumentException($"Arguments `target` and `output` must have the same shape up until the last dimension. {Shapes()}.");
    }

    public static void Check(Tensor labels, int classes)
    {
        var span = labels.Contiguous().Span;
        int i = Compute.Ops.CrossEntropyRows.FirstInvalidLabel(span, classes); // the fused op's scan
        if (i >= 0)
            throw new ArgumentException($"Received a label value of {span[i].ToString(System.Globalization.CultureInfo.InvariantCulture)} (sample {i}), which is outside the valid range of [0, {classes - 1}] or not a whole number. Sparse labels must be class indices 0..{classes - 1}.");
    }
}
