namespace NotebookNN.Learn;

/// <summary>
/// A classifier (scikit-learn's <c>ClassifierMixin</c>, what <c>is_classifier</c> asks): cross-validation splits its
/// data into stratified folds and scores it on class labels.
/// </summary>
public interface IClassifier : IEstimator;
