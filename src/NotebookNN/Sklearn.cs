namespace NotebookNN;

/// <summary>
/// The scikit-learn calls the tutorials make, in .NET casing: toy datasets (<c>LoadIris</c>, …), splitting
/// (<c>TrainTestSplit</c>, <see cref="Learn.KFold"/>, <see cref="Learn.StratifiedKFold"/>), cross-validation, and metrics
/// (<c>ClassificationReport</c>, <c>ConfusionMatrix</c>, <c>AccuracyScore</c>, …). Each family lives in its own partial file.
/// </summary>
public static partial class Sklearn
{
}
