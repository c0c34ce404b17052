namespace NotebookNN.Learn;

/// <summary>
/// Binary problems of <see cref="SGDClassifier"/> (labels ±1), each as scikit-learn's <c>_plain_sgd</c> runs it: each
/// epoch shuffles the rows, then per row takes the margin, the step size of the schedule, shrinks the weights for the
/// L2 penalty (kept as a scale factor, so the shrink costs nothing) and adds the row scaled by the clipped gradient;
/// a problem stops when its epoch's summed loss has not dropped by <c>tol</c>·n for <c>n_iter_no_change</c> epochs.
/// The problems of a group advance in lockstep, row by row, so the margins of up to four of them are summed in one
/// pass (<see cref="WideningKernels.Dots"/>): each stays a sequential sum, rounded as scikit-learn's, but the four
/// dependent chains overlap in the pipeline.
/// </summary>
internal static class PlainSgd
{
    private const double MaxDLoss = 1e12;

    /// <summary>Trains each problem (its labels and shuffling seed) on the rows <paramref name="rows"/> of the row-major (·, <paramref name="features"/>) matrix <paramref name="x"/>.</summary>
    public static (double[] Coef, double Intercept, int NIter)[] Fit(float[] x, int offset, int features, int[] rows, double[][] y, uint[] seeds, SgdSettings s)
    {
        int n = rows.Length, k = y.Length;
        var state = new Problem[k];
        for (int c = 0; c < k; c++) state[c] = new Problem(features, n, s);
        var active = Enumerable.Range(0, k).ToList();
        var dots = new double[4];
        var rowStarts = new int[4];
        var weights = new double[4][];
        for (int epoch = 0; active.Count > 0; epoch++)
        {
            foreach (int c in active) state[c].BeginEpoch(s, seeds[c]);
            for (int i = 0; i < n; i++)
            {
                for (int g = 0; g < active.Count; g += 4)
                {
                    int m = Math.Min(4, active.Count - g);
                    for (int q = 0; q < m; q++)
                    {
                        var p = state[active[g + q]];
                        rowStarts[q] = offset + rows[p.Order[i]] * features;
                        weights[q] = p.W;
                    }
                    WideningKernels.Dots(weights, x, rowStarts, features, m, dots);
                    for (int q = 0; q < m; q++)
                    {
                        var p = state[active[g + q]];
                        p.Step(dots[q], y[active[g + q]][p.Order[i]], x.AsSpan(rowStarts[q], features), s);
                    }
                }
            }
            for (int a = active.Count - 1; a >= 0; a--)
                if (state[active[a]].EndEpoch(epoch, n, s)) active.RemoveAt(a);
        }
        return state.Select(p => p.Result()).ToArray();
    }

    /// <summary>One binary problem's weights, schedule and stopping state.</summary>
    private sealed class Problem
    {
        public readonly double[] W;
        public readonly int[] Order;
        private double _wscale = 1.0, _intercept, _t = 1.0, _eta, _sumLoss, _bestLoss = double.PositiveInfinity;
        private readonly double _optimalInit;
        private int _noImprovement, _nIter;

        public Problem(int features, int n, SgdSettings s)
        {
            W = new double[features];
            Order = new int[n];
            for (int i = 0; i < n; i++) Order[i] = i;
            _eta = s.Eta0;
            if (s.LearningRate == SgdSchedule.Optimal)
            {
                double typw = Math.Sqrt(1.0 / Math.Sqrt(s.Alpha));
                double initialEta0 = typw / Math.Max(1.0, s.Loss.DLoss(-typw, 1.0));
                _optimalInit = 1.0 / (initialEta0 * s.Alpha);
            }
        }

        public void BeginEpoch(SgdSettings s, uint seed)
        {
            _sumLoss = 0;
            if (s.Shuffle) SequentialShuffle.Shuffle(Order, seed);
        }

        /// <summary>One row: <paramref name="dot"/> is Σ w·x (before the scale factor).</summary>
        public void Step(double dot, double y, ReadOnlySpan<float> row, SgdSettings s)
        {
            double p = dot * _wscale + _intercept;
            if (s.LearningRate == SgdSchedule.Optimal) _eta = 1.0 / (s.Alpha * (_optimalInit + _t - 1));
            else if (s.LearningRate == SgdSchedule.Invscaling) _eta = s.Eta0 / Math.Pow(_t, s.PowerT);
            _sumLoss += s.Loss.Loss(p, y);
            double update = -_eta * Math.Clamp(s.Loss.DLoss(p, y), -MaxDLoss, MaxDLoss);
            if (s.L2)
            {
                _wscale *= Math.Max(0, 1.0 - _eta * s.Alpha);
                if (_wscale < 1e-9) { Rescale(); }
            }
            if (update != 0.0)
            {
                WideningKernels.AddScaled(W, row, update / _wscale);
                if (s.FitIntercept) _intercept += update;
            }
            _t += 1;
        }

        /// <summary>The end-of-epoch checks; true when this problem stops (converged or out of epochs).</summary>
        public bool EndEpoch(int epoch, int n, SgdSettings s)
        {
            if (!double.IsFinite(_intercept) || !double.IsFinite(_wscale) || Array.Exists(W, v => !double.IsFinite(v)))
                throw new ArgumentException($"Floating-point under-/overflow occurred at epoch #{epoch + 1}. Scaling input data with StandardScaler or MinMaxScaler might help.");
            _nIter = epoch + 1;
            if (s.Tol > double.NegativeInfinity && _sumLoss > _bestLoss - s.Tol * n) _noImprovement++;
            else _noImprovement = 0;
            if (_sumLoss < _bestLoss) _bestLoss = _sumLoss;
            if (_noImprovement >= s.NIterNoChange)
            {
                if (s.LearningRate == SgdSchedule.Adaptive && _eta > 1e-6) { _eta /= 5; _noImprovement = 0; }
                else return true;
            }
            return _nIter == s.MaxIter;
        }

        public (double[] Coef, double Intercept, int NIter) Result()
        {
            Rescale();
            return (W, _intercept, _nIter);
        }

        private void Rescale()
        {
            if (_wscale != 1.0) for (int j = 0; j < W.Length; j++) W[j] *= _wscale;
            _wscale = 1.0;
        }
    }
}
