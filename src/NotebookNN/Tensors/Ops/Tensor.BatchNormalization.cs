using System.Buffers;
using NotebookNN.Compute.Normalization;


namespace NotebookNN.Tensors;

public partial class Tensor
{
    /// <summary>
    /// Batch normalization with the batch's own statistics (Keras's training mode): per channel of <paramref name="axis"/>,
    /// y = (x − mean) / √(variance + ε) · γ + β, mean and variance (biased) over every other axis. The batch mean and
    /// variance are returned for the moving averages. Backward to x (through the statistics), γ and β.
    /// </summary>
    internal static Tensor BatchNormalizationTraining(Tensor x, int axis, Tensor? gamma, Tensor? beta, double epsilon,
        out Tensor mean, out Tensor variance)
    {
        var input = x.Contiguous();
        var layout = ChannelLayout.Of(input.Dims, axis);
        int channels = layout.Channels;
        mean = NewUninitialized([channels]);
        variance = NewUninitialized([channels]);
        var invStd = NewUninitialized([channels]);
        var scale = NewUninitialized([channels]);
        var shift = NewUninitialized([channels]);
        var sums = ArrayPool<double>.Shared.Rent(2 * channels);
        try
        {
            Span<double> sum = sums.AsSpan(0, channels), sumSquares = sums.AsSpan(channels, channels);
            ChannelSums.Run(input.Span, input.Span, layout, sum, sumSquares);
            Span<float> m = mean.Span, v = variance.Span, s = invStd.Span, sc = scale.Span, sh = shift.Span;
            double count = layout.Count;
            for (int c = 0; c < channels; c++)
            {
                double mu = sum[c] / count, var = Math.Max(sumSquares[c] / count - mu * mu, 0);
                double inv = 1 / Math.Sqrt(var + epsilon), k = ChannelValue(gamma, c, 1) * inv;
                (m[c], v[c], s[c]) = ((float)mu, (float)var, (float)inv);
                (sc[c], sh[c]) = ((float)k, (float)(ChannelValue(beta, c, 0) - mu * k));
            }
        }
        finally { ArrayPool<double>.Shared.Return(sums); }
        var y = NewUninitialized(input.Dims);
        ChannelAffine.Run(input.Span, scale.Span, shift.Span, layout, y.Span);

        if (GradientTape.Recording(x, gamma ?? x, beta) is { } tape)
        {
            var op = gamma is not null && beta is not null ? tape.Push<BatchNormalizationBackward>(y, x, gamma, beta)
                : gamma is not null ? tape.Push<BatchNormalizationBackward>(y, x, gamma)
                : beta is not null ? tape.Push<BatchNormalizationBackward>(y, x, beta)
                : tape.Push<BatchNormalizationBackward>(y, x);
            (op.Input, op.Mean, op.InvStd, op.Gamma, op.Axis) = (input, mean, invStd, gamma, axis);
            (op.GammaSlot, op.BetaSlot) = (gamma is null ? -1 : 1, beta is null ? -1 : gamma is null ? 1 : 2);
        }
        return y;
    }

    /// <summary>Batch normalization with given statistics (Keras's inference mode), no gradient:
    /// y = (x − mean) / √(variance + ε) · γ + β per channel of <paramref name="axis"/>.</summary>
    internal static Tensor BatchNormalizationInference(Tensor x, int axis, Tensor? gamma, Tensor? beta, Tensor mean, Tensor variance, double epsilon)
    {
        var input = x.Contiguous();
        var layout = ChannelLayout.Of(input.Dims, axis);
        int channels = layout.Channels;
        var scale = NewUninitialized([channels]);
        var shift = NewUninitialized([channels]);
        Span<float> sc = scale.Span, sh = shift.Span;
        for (int c = 0; c < channels; c++)
        {
            double k = ChannelValue(gamma, c, 1) / Math.Sqrt(ChannelValue(variance, c, 1) + epsilon);
            (sc[c], sh[c]) = ((float)k, (float)(ChannelValue(beta, c, 0) - ChannelValue(mean, c, 0) * k));
        }
        var y = NewUninitialized(input.Dims);
        ChannelAffine.Run(input.Span, sc, sh, layout, y.Span);
        return y;
    }

    /// <summary>Entry <paramref name="c"/> of a per-channel vector, or <paramref name="absent"/> without one.</summary>
    private static double ChannelValue(Tensor? vector, int c, double absent) =>
        vector is null ? absent : vector.Data[vector.Offset + c * vector.Strides[0]];

    /// <summary>
    /// The batch-norm gradients, per channel with Σdy and Σdy·x̂ (x̂ = (x − mean)·invStd, N values per channel):
    /// dβ = Σdy, dγ = Σdy·x̂, dx = γ·invStd·(dy − Σdy / N − x̂·Σdy·x̂ / N), computed as dy·a + x·b + c per channel.
    /// </summary>
    private sealed class BatchNormalizationBackward : TapeOp
    {
        internal Tensor Input = null!, Mean = null!, InvStd = null!;
        internal Tensor? Gamma;
        internal int Axis, GammaSlot, BetaSlot;

        internal override void Backward(Tensor g, bool[] needed, Tensor?[] grads)
        {
            var dy = g.Contiguous();
            var layout = ChannelLayout.Of(Input.Dims, Axis);
            int channels = layout.Channels;
            var sums = ArrayPool<double>.Shared.Rent(2 * channels);
            Tensor a = NewUninitialized([channels]), b = NewUninitialized([channels]), c = NewUninitialized([channels]);
            Tensor? dGamma = GammaSlot > 0 ? NewUninitialized([channels]) : null, dBeta = BetaSlot > 0 ? NewUninitialized([channels]) : null;
            try
            {
                Span<double> sumDy = sums.AsSpan(0, channels), sumDyX = sums.AsSpan(channels, channels);
                ChannelSums.Run(dy.Span, Input.Span, layout, sumDy, sumDyX);
                Span<float> m = Mean.Span, inv = InvStd.Span;
                double n = layout.Count;
                for (int k = 0; k < channels; k++)
                {
                    double sumDyXHat = inv[k] * (sumDyX[k] - m[k] * sumDy[k]);
                    double scale = ChannelValue(Gamma, k, 1) * inv[k];
                    a.Span[k] = (float)scale;
                    b.Span[k] = (float)(-scale * inv[k] * sumDyXHat / n);
                    c.Span[k] = (float)(scale * (m[k] * inv[k] * sumDyXHat - sumDy[k]) / n);
                    if (dGamma is not null) dGamma.Span[k] = (float)sumDyXHat;
                    if (dBeta is not null) dBeta.Span[k] = (float)sumDy[k];
                }
            }
            finally { ArrayPool<double>.Shared.Return(sums); }
            if (needed[0])
            {
                var dx = NewUninitialized(Input.Dims);
                ChannelAffine.Run(dy.Span, a.Span, Input.Span, b.Span, c.Span, layout, dx.Span);
                grads[0] = dx;
            }
            if (GammaSlot > 0) grads[GammaSlot] = dGamma;
            if (BetaSlot > 0) grads[BetaSlot] = dBeta;
        }

        internal override void Clear()
        {
            base.Clear();
            (Input, Mean, InvStd, Gamma) = (null!, null!, null!, null);
        }
    }
}
