using NotebookNN.Learn;
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
        CrossValidation.Run(estimator, x, y, cv, scoring, returnTrainScore, (e, xs, ys) => e.Fit(xs, ys), nJobs);

    /// <summary><see cref="CrossValidate(IEstimator, Tensor, Tensor, ICrossValidator?, string?, bool, int?)"/> with <paramref name="cv"/> folds.</summary>
    public static CrossValidateResult CrossValidate(IEstimator estimator, Tensor x, Tensor y, int cv, string? scoring = null, bool returnTrainScore = false,
        int? nJobs = null) =>
        CrossValidate(estimator, x, y, CrossValidation.DefaultCv(estimator, cv), scoring, returnTrainScore, nJobs);

    /// <summary><c>cross_val_score</c>: the test score of each fold.</summary>
    public static double[] CrossValScore(IEstimator estimator, Tensor x, Tensor y, int cv = 5, string? scoring = null, int? nJobs = null) =>
        CrossValidate(estimator, x, y, cv, scoring, nJobs: nJobs).TestScore;
}
