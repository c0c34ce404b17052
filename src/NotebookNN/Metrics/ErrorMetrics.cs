using NotebookNN.Tensors;

namespace NotebookNN.Metrics;

/// <summary>The running mean of the per-sample mean absolute error (keras.metrics.MeanAbsoluteError, "mae").</summary>
public class MeanAbsoluteError(string name = "mean_absolute_error") : MeanMetricWrapper(name)
{
    protected override Tensor PerSample(Tensor yTrue, Tensor yPred) => Loss.Call(yTrue, yPred);

    private static readonly Losses.MeanAbsoluteError Loss = new();
}

/// <summary>The running mean of the per-sample mean squared error (keras.metrics.MeanSquaredError, "mse").</summary>
public class MeanSquaredError(string name = "mean_squared_error") : MeanMetricWrapper(name)
{
    protected override Tensor PerSample(Tensor yTrue, Tensor yPred) => Loss.Call(yTrue, yPred);

    private static readonly Losses.MeanSquaredError Loss = new();
}
