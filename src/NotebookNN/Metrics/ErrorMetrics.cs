namespace NotebookNN.Metrics;

/// <summary>The running mean of the per-sample mean absolute error (keras.metrics.MeanAbsoluteError, "mae").</summary>
public class MeanAbsoluteError(string name = "mean_absolute_error") : MeanMetricWrapper(name)
{
    protected override Tensor PerSample(Tensor yTrue, Tensor yPred) => new Losses.MeanAbsoluteError().Call(yTrue, yPred);
}

/// <summary>The running mean of the per-sample mean squared error (keras.metrics.MeanSquaredError, "mse").</summary>
public class MeanSquaredError(string name = "mean_squared_error") : MeanMetricWrapper(name)
{
    protected override Tensor PerSample(Tensor yTrue, Tensor yPred) => new Losses.MeanSquaredError().Call(yTrue, yPred);
}
