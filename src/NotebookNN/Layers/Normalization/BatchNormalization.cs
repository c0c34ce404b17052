using NotebookNN.Tensors;
using NotebookNN.Initializers;
using NotebookNN.Regularizers;

namespace NotebookNN.Layers;

/// <summary>
/// Normalizes each channel of <see cref="Axis"/> to zero mean and unit variance, then scales by γ and shifts by β
/// (keras.layers.BatchNormalization). In training (Fit, or <c>Call(x, training: true)</c>) it uses the batch's mean and
/// (biased) variance and moves the moving statistics toward them:
/// <c>moving = moving · momentum + batch · (1 − momentum)</c>. In inference (Predict, Evaluate) it uses the moving
/// statistics. γ and β are trainable; the moving mean and variance are not (the summary counts them as non-trainable).
/// A layer with <see cref="Layer.Trainable"/> false always runs in inference mode, as in Keras 3.
/// </summary>
public sealed class BatchNormalization : Layer
{
    private int _axis = -1;          // the channel axis, counted with the batch axis as 0
    private int[] _broadcast = [];   // the batched shape a per-channel vector broadcasts with in inference

    /// <param name="axis">The channel axis (default the last); counted with the batch axis as 0, or negative from the end.</param>
    /// <param name="momentum">Momentum of the moving averages; default 0.99.</param>
    /// <param name="epsilon">Added to the variance before the square root; default 1e-3.</param>
    /// <param name="center">Whether to add the learned offset β.</param>
    /// <param name="scale">Whether to multiply by the learned scale γ.</param>
    /// <param name="betaInitializer">Default <c>zeros</c>.</param>
    /// <param name="gammaInitializer">Default <c>ones</c>.</param>
    /// <param name="movingMeanInitializer">Default <c>zeros</c>.</param>
    /// <param name="movingVarianceInitializer">Default <c>ones</c>.</param>
    /// <param name="betaRegularizer">A penalty on β added to the loss.</param>
    /// <param name="gammaRegularizer">A penalty on γ added to the loss.</param>
    /// <param name="inputShape">Per-sample input shape, for the first layer of a Sequential model.</param>
    /// <param name="name">Layer name; default <c>batch_normalization</c>, ….</param>
    public BatchNormalization(int axis = -1, double momentum = 0.99, double epsilon = 1e-3, bool center = true, bool scale = true,
        Initializer? betaInitializer = null, Initializer? gammaInitializer = null,
        Initializer? movingMeanInitializer = null, Initializer? movingVarianceInitializer = null,
        Regularizer? betaRegularizer = null, Regularizer? gammaRegularizer = null,
        Shape? inputShape = null, string? name = null)
        : base(name, inputShape)
    {
        if (axis == 0) throw new ArgumentException("The `axis` argument may not be 0 (the batch axis). Received: axis=0");
        if (!(epsilon > 0)) throw new ArgumentException(Invariant($"The `epsilon` argument must be a positive number. Received: epsilon={epsilon}"));
        if (!(momentum >= 0 && momentum <= 1)) throw new ArgumentException(Invariant($"The `momentum` argument must be between 0 and 1. Received: momentum={momentum}"));
        Axis = axis;
        Momentum = momentum;
        Epsilon = epsilon;
        Center = center;
        Scale = scale;
        BetaInitializer = betaInitializer ?? new Zeros();
        GammaInitializer = gammaInitializer ?? new Ones();
        MovingMeanInitializer = movingMeanInitializer ?? new Zeros();
        MovingVarianceInitializer = movingVarianceInitializer ?? new Ones();
        BetaRegularizer = betaRegularizer;
        GammaRegularizer = gammaRegularizer;
    }

    public int Axis { get; }
    public double Momentum { get; }
    public double Epsilon { get; }
    public bool Center { get; }
    public bool Scale { get; }
    public Initializer BetaInitializer { get; }
    public Initializer GammaInitializer { get; }
    public Initializer MovingMeanInitializer { get; }
    public Initializer MovingVarianceInitializer { get; }
    public Regularizer? BetaRegularizer { get; }
    public Regularizer? GammaRegularizer { get; }

    /// <summary>γ, (channels,); null before the layer is built or with <c>scale: false</c>.</summary>
    public Variable? Gamma { get; private set; }
    /// <summary>β, (channels,); null before the layer is built or with <c>center: false</c>.</summary>
    public Variable? Beta { get; private set; }
    /// <summary>The moving mean, (channels,), non-trainable.</summary>
    public Variable? MovingMean { get; private set; }
    /// <summary>The moving variance, (channels,), non-trainable.</summary>
    public Variable? MovingVariance { get; private set; }

    public override void Build(Shape inputShape)
    {
        int rank = inputShape.Rank + 1, axis = Axis < 0 ? Axis + rank : Axis;
        if (axis <= 0 || axis >= rank)
            throw new ArgumentException($"Invalid axis for layer \"{Name}\": axis={Axis} for inputs of shape {KerasTensor.FormatWithBatch(inputShape)} (the batch axis 0 cannot be one).");
        _axis = axis;
        int channels = inputShape[axis - 1];
        // Keras's order: gamma, beta, moving_mean, moving_variance
        if (Scale) Gamma = AddWeight("gamma", [channels], GammaInitializer, regularizer: GammaRegularizer);
        if (Center) Beta = AddWeight("beta", [channels], BetaInitializer, regularizer: BetaRegularizer);
        MovingMean = AddWeight("moving_mean", [channels], MovingMeanInitializer, trainable: false);
        MovingVariance = AddWeight("moving_variance", [channels], MovingVarianceInitializer, trainable: false);
        _broadcast = Enumerable.Repeat(1, rank).ToArray();
        _broadcast[axis] = channels;
        InputSpec = new InputSpec { MinNDim = rank, Axes = new Dictionary<int, int> { [axis] = channels } };
    }

    public override Tensor Call(Tensor inputs, bool training = false)
    {
        EnsureBuilt(inputs);
        if (training && Trainable)
        {
            var y = Tensor.BatchNormalizationTraining(inputs, _axis, Gamma, Beta, Epsilon, out var mean, out var variance);
            UpdateMoving(MovingMean!, mean);
            UpdateMoving(MovingVariance!, variance);
            return y;
        }
        if (!GradientTape.IsRecording)
            return Tensor.BatchNormalizationInference(inputs, _axis, Gamma, Beta, MovingMean!, MovingVariance!, Epsilon);
        // inference under a tape (a frozen layer being fine-tuned around, a custom loop): the same from
        // differentiable ops, x · (γ / √(moving variance + ε)) + (β − moving mean · that)
        var scale = (MovingVariance! + Epsilon).Sqrt();
        scale = Gamma is null ? 1.0 / scale : Gamma / scale;
        var shift = -(MovingMean! * scale);
        if (Beta is not null) shift = shift + Beta;
        return inputs * scale.ReshapeTo(_broadcast) + shift.ReshapeTo(_broadcast);
    }

    /// <summary>moving ← moving · momentum + batch · (1 − momentum), in place (no gradient).</summary>
    private void UpdateMoving(Variable moving, Tensor batch)
    {
        Span<float> m = moving.Span, b = batch.Span;
        float keep = (float)Momentum, take = (float)(1 - Momentum);
        for (int c = 0; c < m.Length; c++) m[c] = m[c] * keep + b[c] * take;
    }

    public override Dictionary<string, object?> GetConfig()
    {
        var c = base.GetConfig();
        c["axis"] = Axis;
        c["momentum"] = Momentum;
        c["epsilon"] = Epsilon;
        c["center"] = Center;
        c["scale"] = Scale;
        return c;
    }
}
