namespace NotebookNN;

/// <summary>
/// One binary problem of <see cref="SGDClassifier"/> (labels ±1), as scikit-learn's <c>_plain_sgd</c> runs it: each
/// epoch shuffles the rows, then per row takes the margin, the step size of the schedule, shrinks the weights for the
/// L2 penalty (kept as a scale factor, so the shrink costs nothing) and adds the row scaled by the clipped gradient;
/// it stops when the epoch's summed loss has not dropped by <c>tol</c>·n for <c>n_iter_no_change</c> epochs.
/// </summary>
internal static class PlainSgd
{
    private const double MaxDLoss = 1e12;

    /// <summary>Trains on the rows <paramref name="rows"/> of the row-major (·, <paramref name="features"/>) matrix <paramref name="x"/>.</summary>
    public static (double[] Coef, double Intercept, int NIter) Fit(float[] x, int offset, int features, int[] rows, double[] y, SgdSettings s, uint seed)
    {
        int n = rows.Length;
        var w = new double[features];
        double wscale = 1.0, intercept = 0.0, t = 1.0, optimalInit = 0.0, eta = s.Eta0;
        if (s.LearningRate == "optimal")
        {
            double typw = Math.Sqrt(1.0 / Math.Sqrt(s.Alpha));
            double initialEta0 = typw / Math.Max(1.0, s.Loss.DLoss(-typw, 1.0));
            optimalInit = 1.0 / (initialEta0 * s.Alpha);
        }
        var order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        double bestLoss = double.PositiveInfinity;
        int noImprovement = 0, epoch = 0;
        for (; epoch < s.MaxIter; epoch++)
        {
            double sumLoss = 0;
            if (s.Shuffle) SequentialShuffle.Shuffle(order, seed);
            for (int i = 0; i < n; i++)
            {
                int k = order[i];
                var row = x.AsSpan(offset + rows[k] * features, features);
                double yi = y[k];
                double p = WideningKernels.Dot(w, row) * wscale + intercept;
                if (s.LearningRate == "optimal") eta = 1.0 / (s.Alpha * (optimalInit + t - 1));
                else if (s.LearningRate == "invscaling") eta = s.Eta0 / Math.Pow(t, s.PowerT);
                sumLoss += s.Loss.Loss(p, yi);
                double update = -eta * Math.Clamp(s.Loss.DLoss(p, yi), -MaxDLoss, MaxDLoss);
                if (s.L2)
                {
                    wscale *= Math.Max(0, 1.0 - eta * s.Alpha);
                    if (wscale < 1e-9) { Rescale(w, wscale); wscale = 1.0; }
                }
                if (update != 0.0)
                {
                    WideningKernels.AddScaled(w, row, update / wscale);
                    if (s.FitIntercept) intercept += update;
                }
                t += 1;
            }
            if (!double.IsFinite(intercept) || !double.IsFinite(wscale) || w.Any(v => !double.IsFinite(v)))
                throw new ArgumentException("Floating-point under-/overflow occurred at epoch #" + (epoch + 1) + ". Scaling input data with StandardScaler or MinMaxScaler might help.");
            if (s.Tol > double.NegativeInfinity && sumLoss > bestLoss - s.Tol * n) noImprovement++;
            else noImprovement = 0;
            if (sumLoss < bestLoss) bestLoss = sumLoss;
            if (noImprovement >= s.NIterNoChange)
            {
                if (s.LearningRate == "adaptive" && eta > 1e-6) { eta /= 5; noImprovement = 0; continue; }
                epoch++;
                break;
            }
        }
        Rescale(w, wscale);
        return (w, intercept, epoch);
    }

    private static void Rescale(double[] w, double scale)
    {
        if (scale != 1.0) for (int j = 0; j < w.Length; j++) w[j] *= scale;
    }
}
