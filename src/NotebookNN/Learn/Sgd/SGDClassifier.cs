using NotebookNN.Datasets;
using NotebookNN.Registries;
using NotebookNN.Tensors;

namespace NotebookNN.Learn;

/// <summary>
/// scikit-learn's <c>SGDClassifier</c>: a linear model trained by plain stochastic gradient descent, one binary
/// problem per class (one-vs-rest; a single one for two classes), with scikit-learn's defaults (hinge loss, L2 penalty
/// with alpha 1e-4, the <c>optimal</c> schedule η = 1 / (α (t + t₀)), <c>tol</c> 1e-3 over <c>n_iter_no_change</c> 5
/// epochs) and its shuffles: the per-class seeds come from numpy's <c>RandomState(randomState)</c> and each epoch's order
/// from scikit-learn's own generator, so the rows are visited in scikit-learn's order. Arithmetic is float64, as there.
/// When <c>maxIter</c> epochs run out before the <c>tol</c> test stops training, a <c>ConvergenceWarning</c> is written
/// (see <see cref="SklearnWarnings"/>). <paramref name="nJobs"/>: how many classes train at once (-1: all cores).
/// </summary>
public sealed class SGDClassifier(string loss = "hinge", string? penalty = "l2", double alpha = 1e-4, int maxIter = 1000, double? tol = 1e-3,
    bool shuffle = true, int? randomState = null, string learningRate = "optimal", double eta0 = 0.0, double powerT = 0.5, int nIterNoChange = 5,
    bool fitIntercept = true, int? nJobs = null) : IParameterizedEstimator, IClassifier
{
    private readonly SgdSettings _settings = SgdParameters.Check(loss, penalty, alpha, maxIter, tol, shuffle, learningRate, eta0, powerT,
        nIterNoChange, fitIntercept);
    private readonly int? _randomState = randomState;
    private readonly int? _nJobs = nJobs;

    /// <summary>The class labels, sorted (<c>classes_</c>).</summary>
    public double[]? Classes { get; private set; }
    /// <summary>The weights, (1, features) for two classes, else (classes, features) (<c>coef_</c>).</summary>
    public double[,]? Coef { get; private set; }
    /// <summary>The intercepts (<c>intercept_</c>).</summary>
    public double[]? Intercept { get; private set; }
    /// <summary>Epochs run: the most any class needed (<c>n_iter_</c>).</summary>
    public int NIter { get; private set; }

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, object?> GetParams() => new Dictionary<string, object?>
    {
        ["alpha"] = _settings.Alpha, ["eta0"] = _settings.Eta0, ["fit_intercept"] = _settings.FitIntercept,
        ["learning_rate"] = KerasEnum.Name(_settings.LearningRate), ["loss"] = loss, ["max_iter"] = _settings.MaxIter,
        ["n_iter_no_change"] = _settings.NIterNoChange, ["n_jobs"] = _nJobs, ["penalty"] = penalty, ["power_t"] = _settings.PowerT,
        ["random_state"] = _randomState, ["shuffle"] = _settings.Shuffle, ["tol"] = tol,
    };

    /// <inheritdoc/>
    public IParameterizedEstimator WithParams(IReadOnlyDictionary<string, object?> parameters)
    {
        var p = SgdParameters.Merge(this, GetParams(), parameters);
        return new SGDClassifier(SgdParameters.Get<string>(p, "loss"), SgdParameters.Get<string?>(p, "penalty"), SgdParameters.Get<double>(p, "alpha"),
            SgdParameters.Get<int>(p, "max_iter"), SgdParameters.Get<double?>(p, "tol"), SgdParameters.Get<bool>(p, "shuffle"),
            SgdParameters.Get<int?>(p, "random_state"), SgdParameters.Get<string>(p, "learning_rate"), SgdParameters.Get<double>(p, "eta0"),
            SgdParameters.Get<double>(p, "power_t"), SgdParameters.Get<int>(p, "n_iter_no_change"), SgdParameters.Get<bool>(p, "fit_intercept"),
            SgdParameters.Get<int?>(p, "n_jobs"));
    }

    /// <inheritdoc/>
    public IEstimator Clone() => WithParams(new Dictionary<string, object?>());

    /// <summary>Trains on (samples, features) <paramref name="x"/> and a label per row.</summary>
    public SGDClassifier Fit(Tensor x, Tensor y)
    {
        var (data, offset, features) = SgdParameters.Matrix(x);
        var labels = Labels.Vector(y, "y");
        if (labels.Length != x.Shape[0])
            throw new ArgumentException($"Found input variables with inconsistent numbers of samples: [{x.Shape[0]}, {labels.Length}].");
        var classes = Labels.Unique(labels);
        if (classes.Length < 2) throw new ArgumentException($"The number of classes has to be greater than one; got {classes.Length} class");
        int problems = classes.Length == 2 ? 1 : classes.Length;
        var seeds = SeedsPerProblem(problems);
        var rows = Enumerable.Range(0, labels.Length).ToArray();
        var fits = new (double[] Coef, double Intercept, int NIter)[problems];
        // The classes split into one group per worker; a group's problems advance together (see PlainSgd).
        int workers = Math.Min(problems, Jobs.Workers(_nJobs));
        Jobs.ForEach(workers, workers, g =>
        {
            var mine = Enumerable.Range(0, problems).Where(c => c % workers == g).ToArray();
            var ys = mine.Select(c => labels.Select(v => v == classes[problems == 1 ? 1 : c] ? 1.0 : -1.0).ToArray()).ToArray();
            var result = PlainSgd.Fit(data, offset, features, rows, ys, mine.Select(c => seeds[c]).ToArray(), _settings);
            for (int q = 0; q < mine.Length; q++) fits[mine[q]] = result[q];
        });
        Classes = classes;
        Coef = new double[problems, features];
        for (int c = 0; c < problems; c++) for (int j = 0; j < features; j++) Coef[c, j] = fits[c].Coef[j];
        Intercept = fits.Select(f => f.Intercept).ToArray();
        NIter = fits.Max(f => f.NIter);
        if (_settings.Tol > double.NegativeInfinity && NIter == _settings.MaxIter)
            SklearnWarnings.Warn("ConvergenceWarning", "Maximum number of iteration reached before convergence. Consider increasing max_iter to improve the fit.");
        return this;
    }

    IEstimator IEstimator.Fit(Tensor x, Tensor y) => Fit(x, y);

    /// <summary>Per row, the signed distance to each class's hyperplane: (samples,) for two classes, else (samples, classes).</summary>
    public Tensor DecisionFunction(Tensor x)
    {
        var scores = Scores(x, out int n, out int k);
        return Tensor.From(scores.Select(v => (float)v).ToArray(), k == 1 ? [n] : [n, k]);
    }

    /// <summary>The predicted class label per row.</summary>
    public Tensor Predict(Tensor x)
    {
        var scores = Scores(x, out int n, out int k);
        var classes = Classes!;
        var r = new float[n];
        for (int i = 0; i < n; i++)
        {
            if (k == 1) { r[i] = (float)classes[scores[i] > 0 ? 1 : 0]; continue; }
            int best = 0;
            for (int c = 1; c < k; c++) if (scores[i * k + c] > scores[i * k + best]) best = c;
            r[i] = (float)classes[best];
        }
        return Tensor.From(r);
    }

    /// <summary>Class probabilities for <c>log_loss</c>: the logistic of each score, normalized over the classes (one-vs-rest, as scikit-learn does).</summary>
    public Tensor PredictProba(Tensor x)
    {
        if (loss != "log_loss") throw new InvalidOperationException($"probability estimates are not available for loss='{loss}' (use loss: \"log_loss\").");
        var scores = Scores(x, out int n, out int k);
        int cols = k == 1 ? 2 : k;
        var r = new float[n * cols];
        for (int i = 0; i < n; i++)
        {
            if (k == 1) { double p = 1 / (1 + Math.Exp(-scores[i])); r[2 * i] = (float)(1 - p); r[2 * i + 1] = (float)p; continue; }
            double sum = 0;
            for (int c = 0; c < k; c++) sum += scores[i * k + c] = 1 / (1 + Math.Exp(-scores[i * k + c]));
            for (int c = 0; c < k; c++) r[i * k + c] = (float)(scores[i * k + c] / sum);
        }
        return Tensor.From(r, [n, cols]);
    }

    /// <summary>Mean accuracy on (x, y).</summary>
    public double Score(Tensor x, Tensor y) => MetricScores.Accuracy(y, Predict(x));

    /// <inheritdoc/>
    public override string ToString() => SgdParameters.Repr("SGDClassifier", GetParams(), new SGDClassifier().GetParams());

    /// <summary>numpy's <c>RandomState</c>: one seed per class (<c>randint(MAX_INT, size=n_classes)</c>, or the estimator's own state for two classes), then per class the dataset's seed and the shuffling seed, as <c>fit_binary</c> draws them.</summary>
    private uint[] SeedsPerProblem(int problems)
    {
        const ulong maxInt = int.MaxValue;
        var states = new NumpyRandomState[problems];
        if (problems == 1) states[0] = NumpyRandomState.For(_randomState);
        else
        {
            var rs = NumpyRandomState.For(_randomState);
            for (int c = 0; c < problems; c++) states[c] = new NumpyRandomState((long)rs.Interval(maxInt - 1));
        }
        return states.Select(s => { s.Interval(maxInt - 2); return (uint)s.Interval(maxInt - 1); }).ToArray();
    }

    private double[] Scores(Tensor x, out int n, out int k)
    {
        var coef = Coef ?? throw new InvalidOperationException("This SGDClassifier instance is not fitted yet. Call 'Fit' with appropriate arguments before using this estimator.");
        var (data, offset, features) = SgdParameters.Matrix(x);
        if (features != coef.GetLength(1))
            throw new ArgumentException($"X has {features} features, but SGDClassifier is expecting {coef.GetLength(1)} features as input.");
        n = x.Shape[0]; k = coef.GetLength(0);
        var w = new double[k][];
        for (int c = 0; c < k; c++) { w[c] = new double[features]; for (int j = 0; j < features; j++) w[c][j] = coef[c, j]; }
        var scores = new double[n * k];
        double[] dot = new double[4];
        int[] start = new int[4];
        for (int i = 0; i < n; i++)
            for (int c = 0; c < k; c++)
            {
                start[0] = offset + i * features;
                WideningKernels.Dots([w[c]], data, start, features, 1, dot);
                scores[i * k + c] = dot[0] + Intercept![c];
            }
        return scores;
    }
}
