using System.Diagnostics;

namespace NotebookNN;

/// <summary>Per-fold results of <see cref="Sklearn.CrossValidate(IEstimator, Tensor, Tensor, ICrossValidator?, string?, bool)"/> (<c>cross_validate</c>'s dict).</summary>
public sealed record CrossValidateResult(double[] TestScore, double[]? TrainScore, double[] FitTime, double[] ScoreTime)
{
    /// <summary>Mean test score.</summary>
    public double Mean => TestScore.Average();
    /// <summary>Population standard deviation of the test scores (numpy's <c>std</c>).</summary>
    public double Std => Math.Sqrt(TestScore.Select(s => (s - Mean) * (s - Mean)).Average());
    /// <inheritdoc/>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"test_score: [{string.Join(", ", TestScore.Select(s => s.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)))}] (mean {Mean:G6}, std {Std:G6})");
}

public static partial class Sklearn
{
    /// <summary>
    /// <c>cross_validate</c>: clones and fits the estimator on each fold's training rows and scores it on the held-out
    /// rows. <paramref name="cv"/> defaults to 5 folds (stratified for a <see cref="KerasClassifier"/>, as scikit-learn does).
    /// <paramref name="scoring"/>: null (the estimator's Score), "accuracy", "r2", "neg_mean_squared_error",
    /// "neg_root_mean_squared_error" or "neg_mean_absolute_error".
    /// </summary>
    public static CrossValidateResult CrossValidate(IEstimator estimator, Tensor x, Tensor y, ICrossValidator? cv = null, string? scoring = null,
        bool returnTrainScore = false) =>
        CrossValidateCore(estimator, x, y, cv, scoring, returnTrainScore, (e, xs, ys) => e.Fit(xs, ys));

    internal static CrossValidateResult CrossValidateCore(IEstimator estimator, Tensor x, Tensor y, ICrossValidator? cv, string? scoring,
        bool returnTrainScore, Action<IEstimator, Tensor, Tensor> fit)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        if (x.NDim == 0 || y.NDim == 0 || x.Shape[0] != y.Shape[0])
            throw new ArgumentException($"Found input variables with inconsistent numbers of samples: [{(x.NDim > 0 ? x.Shape[0] : 0)}, {(y.NDim > 0 ? y.Shape[0] : 0)}].");
        var scorer = Scorer(scoring);
        cv ??= estimator is KerasClassifier ? new StratifiedKFold(5) : new KFold(5);
        var yLabels = estimator is KerasClassifier ? KerasClassifier.ClassIndices(y, labels: true) : y;
        List<double> test = [], train = [], fitTime = [], scoreTime = [];
        foreach (var (trainIdx, testIdx) in cv.Split(x, yLabels))
        {
            var est = estimator.Clone();
            var clock = Stopwatch.StartNew();
            fit(est, Rows(x, trainIdx), Rows(y, trainIdx));
            fitTime.Add(clock.Elapsed.TotalSeconds);
            clock.Restart();
            test.Add(scorer(est, Rows(x, testIdx), Rows(y, testIdx)));
            scoreTime.Add(clock.Elapsed.TotalSeconds);
            if (returnTrainScore) train.Add(scorer(est, Rows(x, trainIdx), Rows(y, trainIdx)));
        }
        return new([.. test], returnTrainScore ? [.. train] : null, [.. fitTime], [.. scoreTime]);
    }

    /// <summary><see cref="CrossValidate(IEstimator, Tensor, Tensor, ICrossValidator?, string?, bool)"/> with <paramref name="cv"/> folds.</summary>
    public static CrossValidateResult CrossValidate(IEstimator estimator, Tensor x, Tensor y, int cv, string? scoring = null, bool returnTrainScore = false) =>
        CrossValidate(estimator, x, y, estimator is KerasClassifier ? new StratifiedKFold(cv) : new KFold(cv), scoring, returnTrainScore);

    /// <summary>Cross-validates a model-building function: each fold builds a fresh model and trains it for <paramref name="epochs"/>; the score is −loss unless <paramref name="scoring"/> says otherwise.</summary>
    public static CrossValidateResult CrossValidate(Func<Model> buildFn, Tensor x, Tensor y, int cv = 5, int epochs = 1, int? batchSize = null,
        string? scoring = null, bool returnTrainScore = false) =>
        CrossValidate(new KerasRegressor(buildFn, epochs, batchSize), x, y, new KFold(cv), scoring, returnTrainScore);

    /// <summary><c>cross_val_score</c>: the test score of each fold.</summary>
    public static double[] CrossValScore(IEstimator estimator, Tensor x, Tensor y, int cv = 5, string? scoring = null) =>
        CrossValidate(estimator, x, y, cv, scoring).TestScore;

    internal static Func<IEstimator, Tensor, Tensor, double> Scorer(string? scoring) => scoring switch
    {
        null => (e, x, y) => e.Score(x, y),
        "accuracy" => (e, x, y) => AccuracyScore(KerasClassifier.ClassIndices(y, labels: true), e.Predict(x)),
        "r2" => (e, x, y) => R2Score(y, e.Predict(x).Reshape(y.Shape.ToArray())),
        "neg_mean_squared_error" => (e, x, y) => -MeanSquaredError(y, e.Predict(x).Reshape(y.Shape.ToArray())),
        "neg_root_mean_squared_error" => (e, x, y) => -MeanSquaredError(y, e.Predict(x).Reshape(y.Shape.ToArray()), squared: false),
        "neg_mean_absolute_error" => (e, x, y) => -MeanAbsoluteError(y, e.Predict(x).Reshape(y.Shape.ToArray())),
        _ => throw new ArgumentException($"'{scoring}' is not a valid scoring value. Use null, 'accuracy', 'r2', 'neg_mean_squared_error', 'neg_root_mean_squared_error' or 'neg_mean_absolute_error'."),
    };
}
