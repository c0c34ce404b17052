using NotebookNN.Callbacks;
using NotebookNN.Layers;
using NotebookNN.Metrics;
using NotebookNN.Optimizers;

namespace NotebookNN.Tests.Metrics;

/// <summary>
/// The one rule for "is higher better" from a logged name, against the directions Keras's metrics and KerasTuner's
/// well-known metrics document, and the callbacks and tuners that ask it.
/// </summary>
public class MetricDirectionTests
{
    [Theory]
    [InlineData("loss", MetricDirection.Min)]
    [InlineData("val_loss", MetricDirection.Min)]
    [InlineData("mse", MetricDirection.Min)]
    [InlineData("val_mae", MetricDirection.Min)]
    [InlineData("mape", MetricDirection.Min)]
    [InlineData("val_mean_squared_logarithmic_error", MetricDirection.Min)]
    [InlineData("binary_crossentropy", MetricDirection.Min)]
    [InlineData("val_sparse_categorical_crossentropy", MetricDirection.Min)]
    [InlineData("hinge", MetricDirection.Min)]
    [InlineData("output_a_loss", MetricDirection.Min)]
    [InlineData("accuracy", MetricDirection.Max)]
    [InlineData("val_acc", MetricDirection.Max)]
    [InlineData("val_sparse_categorical_accuracy", MetricDirection.Max)]
    [InlineData("auc", MetricDirection.Max)]
    [InlineData("val_precision", MetricDirection.Max)]
    [InlineData("recall", MetricDirection.Max)]
    [InlineData("lr", null)]
    [InlineData("val_f1", null)]
    public void NamesSayWhichWayIsBetter(string name, MetricDirection? expected) => Assert.Equal(expected, MetricDirections.Infer(name));

    private static int StopEpoch(Callback cb, string key, params double[] values)
    {
        var model = new Sequential().Add(new Dense(1, inputShape: [2]));
        model.Compile(optimizer: new SGD(0.1), loss: "mse");
        cb.SetModel(model);
        cb.OnTrainBegin(new Dictionary<string, double>());
        for (int e = 0; e < values.Length; e++)
        {
            cb.OnEpochEnd(e, new Dictionary<string, double> { [key] = values[e] });
            if (model.StopTraining) return e;
        }
        return -1;
    }

    [Fact]
    public void CallbacksInAutoModeAskTheRule()
    {
        // Rising precision is an improvement: no stop. (Keras 2 minimized every name without acc/auc.)
        Assert.Equal(-1, StopEpoch(new EarlyStopping(monitor: "val_precision", patience: 1), "val_precision", 0.5, 0.6, 0.7));
        Assert.Equal(2, StopEpoch(new EarlyStopping(monitor: "val_precision", patience: 1), "val_precision", 0.5, 0.6, 0.55));
        // A name the rule knows nothing of is minimized, as Keras 2's callbacks do.
        Assert.Equal(-1, StopEpoch(new EarlyStopping(monitor: "val_f1", patience: 1), "val_f1", 0.7, 0.6, 0.5));
        Assert.Equal(-1, StopEpoch(new EarlyStopping(monitor: "val_f1", patience: 1, mode: "max"), "val_f1", 0.5, 0.6, 0.7));
    }

    [Fact]
    public void ATunerAsksForTheDirectionOfANameThatSaysNothing()
    {
        var e = Assert.Throws<ArgumentException>(() => new RandomSearch(_ => null!, objective: "val_f1"));
        Assert.Equal("Could not infer optimization direction (\"min\" or \"max\") for unknown metric \"val_f1\". " +
            "Please specify the direction, for example objective: \"val_f1\", direction: \"max\".", e.Message);
        Assert.Equal(MetricDirection.Max, new RandomSearch(_ => null!, objective: "val_f1", direction: "max").Objective.Direction);
        Assert.Equal(MetricDirection.Min, new RandomSearch(_ => null!, objective: "val_crossentropy_sum", direction: "min").Objective.Direction);
        Assert.Equal(MetricDirection.Max, new RandomSearch(_ => null!, objective: "val_precision").Objective.Direction);
        Assert.Equal(MetricDirection.Min, new RandomSearch(_ => null!, objective: "mae").Objective.Direction);
    }
}
