using NotebookNN.Tensors;

namespace NotebookNN.Losses;

/// <summary>
/// A loss (keras.losses.Loss). Subclasses compute per-sample losses in <see cref="Call"/>; the base class applies
/// sample weights and Keras's default reduction, the mean over the batch (<c>sum_over_batch_size</c>).
/// Strings convert implicitly (<c>loss: "mse"</c>); see <see cref="Get"/>.
/// </summary>
public abstract class Loss
{
    protected Loss(string name) => Name = name;

    /// <summary>The Keras name of this loss (<c>mean_squared_error</c>, …).</summary>
    public string Name { get; }

    /// <summary>Per-sample losses: shape (batch,) for outputs of shape (batch, d).</summary>
    public abstract Tensor Call(Tensor yTrue, Tensor yPred);

    /// <summary>The loss reduced to a scalar: the mean over the batch of the (weighted) per-sample losses.</summary>
    public Tensor Compute(Tensor yTrue, Tensor yPred, Tensor? sampleWeight = null)
    {
        ArgumentNullException.ThrowIfNull(yTrue);
        ArgumentNullException.ThrowIfNull(yPred);
        if (yTrue.NDim > 0 && yPred.NDim > 0 && yTrue.Shape[0] != yPred.Shape[0])
            throw new ArgumentException($"The loss {Name} expects y_true and y_pred with the same number of samples. Received: y_true.shape={yTrue.Shape}, y_pred.shape={yPred.Shape}");
        var perSample = Call(yTrue, yPred);
        if (sampleWeight is not null)
        {
            if (sampleWeight.NDim == 0 || sampleWeight.Shape[0] != perSample.Shape[0] || sampleWeight.Size != perSample.Size)
                throw new ArgumentException($"The loss {Name} expects one sample weight per sample, shape ({perSample.Shape[0]},). Received: sample_weight.shape={sampleWeight.Shape}");
            var w = sampleWeight.NDim > perSample.NDim ? sampleWeight.Reshape(perSample.Shape.ToArray()) : sampleWeight;
            return (perSample * w).Sum() / Math.Max(1, perSample.Size);
        }
        return perSample.Mean();
    }

    public static implicit operator Loss(string name) => Get(name);

    /// <summary>
    /// The loss a Keras string names: <c>mse mae mape msle binary_crossentropy categorical_crossentropy
    /// sparse_categorical_crossentropy huber hinge</c>, their long names (<c>mean_squared_error</c>, …) and class
    /// names (<c>MeanSquaredError</c>). An unknown name lists the valid ones.
    /// </summary>
    public static Loss Get(string name) => LossRegistry.Get(name);

    /// <summary>Makes y_true's rank match y_pred's as Keras does: (batch,) against (batch, 1) gains an axis.</summary>
    protected static Tensor AlignTrue(Tensor yTrue, Tensor yPred)
    {
        if (yTrue.NDim == yPred.NDim - 1 && yPred.Shape[^1] == 1) return yTrue.ExpandDims(-1);
        if (yTrue.NDim == yPred.NDim + 1 && yTrue.Shape[^1] == 1) return yTrue.Squeeze(-1);
        return yTrue;
    }

    public override string ToString() => Name;
}
