using System.Diagnostics;
using NotebookNN.Tensors;

namespace NotebookNN.Learn;

/// <summary>
/// scikit-learn's <c>cross_validate</c> machinery: clone, fit and score an estimator per fold, the default folds for an
/// int <c>cv</c> and the scorers by name (<c>Sklearn.CrossValidate</c> and the searches are its callers).
/// </summary>
internal static class CrossValidation
{
    /// <summary>Fits a clone of <paramref name="estimator"/> per fold of <paramref name="cv"/> with <paramref name="fit"/> and scores it.</summary>
    internal static CrossValidateResult Run(IEstimator estimator, Tensor x, Tensor y, ICrossValidator? cv, string? scoring,
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
        int workers = estimator is IKerasWrapper ? 1 : Jobs.Workers(nJobs);
        Jobs.ForEach(folds.Length, workers, f =>
        {
            var (trainIdx, testIdx) = folds[f];
            var est = estimator.Clone();
            var clock = Stopwatch.StartNew();
            fit(est, RowSelection.Rows(x, trainIdx), RowSelection.Rows(y, trainIdx));
            double fitTime = clock.Elapsed.TotalSeconds;
            clock.Restart();
            double test = scorer(est, RowSelection.Rows(x, testIdx), RowSelection.Rows(y, testIdx));
            double scoreTime = clock.Elapsed.TotalSeconds;
            results[f] = (test, returnTrainScore ? scorer(est, RowSelection.Rows(x, trainIdx), RowSelection.Rows(y, trainIdx)) : double.NaN, fitTime, scoreTime);
        });
        return new([.. results.Select(r => r.Test)], returnTrainScore ? [.. results.Select(r => r.Train)] : null,
            [.. results.Select(r => r.Fit)], [.. results.Select(r => r.Score)]);
    }

    /// <summary>scikit-learn's <c>check_cv</c> for an int: stratified folds for a classifier, plain ones otherwise (neither shuffled).</summary>
    internal static ICrossValidator DefaultCv(IEstimator estimator, int folds) =>
        IsClassifier(estimator) ? new StratifiedKFold(folds) : new KFold(folds);

    /// <summary>scikit-learn's <c>is_classifier</c>.</summary>
    internal static bool IsClassifier(IEstimator estimator) => estimator is IClassifier;

    /// <summary>A scorer by scikit-learn's name (null: the estimator's own <c>Score</c>).</summary>
    internal static Func<IEstimator, Tensor, Tensor, double> Scorer(string? scoring) => scoring switch
    {
        null => (e, x, y) => e.Score(x, y),
        "accuracy" => (e, x, y) => MetricScores.Accuracy(Labels.ClassIndices(y, labels: true), e.Predict(x)),
        "r2" => (e, x, y) => MetricScores.R2(y, e.Predict(x).Reshape(y.Shape.ToArray())),
        "neg_mean_squared_error" => (e, x, y) => -MetricScores.MeanSquared(y, e.Predict(x).Reshape(y.Shape.ToArray())),
        "neg_root_mean_squared_error" => (e, x, y) => -MetricScores.MeanSquared(y, e.Predict(x).Reshape(y.Shape.ToArray()), squared: false),
        "neg_mean_absolute_error" => (e, x, y) => -MetricScores.MeanAbsolute(y, e.Predict(x).Reshape(y.Shape.ToArray())),
        _ => throw new ArgumentException($"'{scoring}' is not a valid scoring value. Use null, 'accuracy', 'r2', 'neg_mean_squared_error', 'neg_root_mean_squared_error' or 'neg_mean_absolute_error'."),
    };
}
