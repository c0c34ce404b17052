namespace NotebookNN.Learn;

/// <summary>scikit-learn's SGD <c>learning_rate</c> schedules (<c>"optimal"</c>, <c>"constant"</c>, <c>"invscaling"</c>, <c>"adaptive"</c>).</summary>
internal enum SgdSchedule
{
    Optimal,
    Constant,
    Invscaling,
    Adaptive,
}
