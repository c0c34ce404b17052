using System.Diagnostics;
using NotebookNN.Learn;
using NotebookNN.Models;
using NotebookNN.Tensors;

namespace NotebookNN;

public static partial class Sklearn
{
    /// <summary>
    /// <c>cross_validate</c>: clones and fits the estimator on each fold's training rows and scores it on the held-out
    /// rows. <paramref name="cv"/> defaults to 5 folds (stratified for a classifier, as scikit-learn does).
    /// <paramref name="scoring"/>: null (the estimator's Score), "accuracy", "r2", "neg_mean_squared_error",
    /// "neg_root_mean_squared_error" or "neg_mean_absolute_error". <paramref name="nJobs"/>: folds trained at once
    /// (-1: one per core); Keras wrappers train their folds one after the other, each Fit already using every core.
    /// The result indexes as scikit-learn's dict: <c>scores["test_score"]</c>.
    /// </summary>
    public static CrossValidateResult CrossValidate(IEstimator estimator, Tensor x, Tensor y, ICrossValidator? cv = null, string? scoring = null,
        bool returnTrainScore = false, int? nJobs = null) =>
        CrossValidateCore(estimator, x, y, cv, scoring, returnTrainScore, (e, xs, ys) => e.Fit(xs, ys), nJobs);

    internal static CrossValidateResult CrossValidateCore(IEstimator estimator, Tensor x, Tensor y, ICrossValidator? cv, string? scoring,
        bool returnTrainScore, Action<IEstimator, Tensor, Tensor> fit, int? nJobs = null)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        if (x.NDim == 0 || y.NDim == 0 || x.Shape[0] != y.Shape[0])
            throw new ArgumentException($"Found input variables with inconsistent numbers of samples: [{(x.NDim > 0 ? x.Shape[0] : 0)}, {(y.NDim > 0 ? y.Shape[0] : 0)}].");
        var scorer = Scorer(scoring);
        cv ??= DefaultCv(estimator, 5);
        var yLabels = IsClassifier(estimator) ? Labels.ClassIndices(y, labels: true) : y;
        var folds = cv.Split(x, yLabels).ToArray();
        var results = new (double Test, double Train, double Fit, double Score)[folds.Length];
        int workers = estimator is IKerasWrapper ? 1 : Workers(nJobs);
        ForEachJob(folds.Length, workers, f =>
        {
            var (trainIdx, testIdx) = folds[f];
            var est = estimator.Clone();
            var clock = Stopwatch.StartNew();
            fit(est, Rows(x, trainIdx), Rows(y, trainIdx));
            double fitTime = clock.Elapsed.TotalSeconds;
            clock.Restart();
            double test = scorer(est, Rows(x, testIdx), Rows(y, testIdx));
            double scoreTime = clock.Elapsed.TotalSeconds;
            results[f] = (test, returnTrainScore ? scorer(est, Rows(x, trainIdx), Rows(y, trainIdx)) : double.NaN, fitTime, scoreTime);
        });
        return new([.. results.Select(r => r.Test)], returnTrainScore ? [.. results.Select(r => r.Train)] : null,
            [.. results.Select(r => r.Fit)], [.. results.Select(r => r.Score)]);
    }

    /// <summary><see cref="CrossValidate(IEstimator, Tensor, Tensor, ICrossValidator?, string?, bool, int?)"/> with <paramref name="cv"/> folds.</summary>
    public static CrossValidateResult CrossValidate(IEstimator estimator, Tensor x, Tensor y, int cv, string? scoring = null, bool returnTrainScore = false,
        int? nJobs = null) =>
        CrossValidate(estimator, x, y, DefaultCv(estimator, cv), scoring, returnTrainScore, nJobs);

    /// <summary>scikit-learn's <c>check_cv</c> for an int: stratified folds for a classifier, plain ones otherwise (neither shuffled).</summary>
    internal static ICrossValidator DefaultCv(IEstimator estimator, int folds) =>
        IsClassifier(estimator) ? new StratifiedKFold(folds) : new KFold(folds);

    /// <summary>scikit-learn's <c>is_classifier</c>.</summary>
    internal static bool IsClassifier(IEstimator estimator) => estimator is IClassifier;

    /// <summary><c>cross_val_score</c>: the test score of each fold.</summary>
    public static double[] CrossValScore(IEstimator estimator, Tensor x, Tensor y, int cv = 5, string? scoring = null, int? nJobs = null) =>
        CrossValidate(estimator, x, y, cv, scoring, nJobs: nJobs).TestScore;

    internal static Func<IEstimator, Tensor, Tensor, double> Scorer(string? scoring) => scoring switch
    {
        null => (e, x, y) => e.Score(x, y),
        "accuracy" => (e, x, y) => AccuracyScore(Labels.ClassIndices(y, labels: true), e.Predict(x)),
        "r2" => (e, x, y) => R2Score(y, e.Predict(x).Reshape(y.Shape.ToArray())),
        "neg_mean_squared_error" => (e, x, y) => -MeanSquaredError(y, e.Predict(x).Reshape(y.Shape.ToArray())),
        "neg_root_mean_squared_error" => (e, x, y) => -MeanSquaredError(y, e.Predict(x).Reshape(y.Shape.ToArray()), squared: false),
        "neg_mean_absolute_error" => (e, x, y) => -MeanAbsoluteError(y, e.Predict(x).Reshape(y.Shape.ToArray())),
        _ => throw new ArgumentException($"'{scoring}' is not a valid scoring value. Use null, 'accuracy', 'r2', 'neg_mean_squared_error', 'neg_root_mean_squared_error' or 'neg_mean_absolute_error'."),
    };
}
