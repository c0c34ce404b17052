using NotebookNN.Tensors;

namespace NotebookNN.Losses;

/// <summary><c>mean(square(y_true − y_pred), axis=-1)</c> (keras.losses.MeanSquaredError, "mse").</summary>
public sealed class MeanSquaredError() : Loss("mean_squared_error")
{
    public override Tensor Call(Tensor yTrue, Tensor yPred) => Tensor.Square(yPred - AlignTrue(yTrue, yPred)).Mean(axis: -1);
}

/// <summary><c>mean(abs(y_true − y_pred), axis=-1)</c> (keras.losses.MeanAbsoluteError, "mae").</summary>
public sealed class MeanAbsoluteError() : Loss("mean_absolute_error")
{
    public override Tensor Call(Tensor yTrue, Tensor yPred) => Tensor.Abs(yPred - AlignTrue(yTrue, yPred)).Mean(axis: -1);
}

/// <summary><c>100 · mean(abs((y_true − y_pred) / max(abs(y_true), ε)), axis=-1)</c>, ε = 1e-7 ("mape").</summary>
public sealed class MeanAbsolutePercentageError() : Loss("mean_absolute_percentage_error")
{
    public override Tensor Call(Tensor yTrue, Tensor yPred)
    {
        var t = AlignTrue(yTrue, yPred);
        return (Tensor.Abs((t - yPred) / Tensor.Maximum(Tensor.Abs(t), LossConstants.Epsilon)) * 100f).Mean(axis: -1);
    }
}

/// <summary><c>mean(square(log(max(y_pred, ε) + 1) − log(max(y_true, ε) + 1)), axis=-1)</c> ("msle").</summary>
public sealed class MeanSquaredLogarithmicError() : Loss("mean_squared_logarithmic_error")
{
    public override Tensor Call(Tensor yTrue, Tensor yPred)
    {
        var t = AlignTrue(yTrue, yPred);
        var a = Tensor.Log(Tensor.Maximum(yPred, LossConstants.Epsilon) + 1f);
        var b = Tensor.Log(Tensor.Maximum(t, LossConstants.Epsilon) + 1f);
        return Tensor.Square(a - b).Mean(axis: -1);
    }
}

/// <summary>Quadratic for |error| ≤ delta, linear beyond: <c>mean(0.5·e² or delta·(|e| − 0.5·delta), axis=-1)</c> ("huber").</summary>
public sealed class Huber : Loss
{
    public Huber(double delta = 1.0) : base("huber_loss")
    {
        if (!(delta > 0)) throw new ArgumentException(Invariant($"Argument `delta` must be a positive float. Received: delta={delta}"));
        Delta = (float)delta;
    }

    public float Delta { get; }

    public override Tensor Call(Tensor yTrue, Tensor yPred)
    {
        var abs = Tensor.Abs(yPred - AlignTrue(yTrue, yPred));
        var quadratic = Tensor.Minimum(abs, Delta);
        var linear = abs - quadratic;
        return (Tensor.Square(quadratic) * 0.5f + linear * Delta).Mean(axis: -1);
    }
}

/// <summary><c>mean(max(1 − y_true·y_pred, 0), axis=-1)</c> with labels 0/1 mapped to −1/1 when every label is 0 or 1, as Keras ("hinge").</summary>
public sealed class Hinge() : Loss("hinge")
{
    public override Tensor Call(Tensor yTrue, Tensor yPred)
    {
        var t = AlignTrue(yTrue, yPred);
        var signed = IsZeroOne(t) ? t * 2f - 1f : t;
        return Tensor.Maximum(1f - signed * yPred, 0f).Mean(axis: -1);
    }

    private static bool IsZeroOne(Tensor t)
    {
        foreach (var v in t.Contiguous().Span) if (v != 0f && v != 1f) return false;
        return true;
    }
}

internal static class LossConstants
{
    /// <summary>Keras's backend epsilon: probabilities are clipped to [ε, 1 − ε] and denominators kept ≥ ε.</summary>
    public const float Epsilon = 1e-7f;
}
