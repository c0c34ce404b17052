using NotebookNN.Text;
using NotebookNN.Models;

namespace NotebookNN.Callbacks;

/// <summary>Sets the learning rate at the start of each epoch from <c>schedule(epoch, lr)</c> (keras.callbacks.LearningRateScheduler).</summary>
public class LearningRateScheduler(Func<int, double, double> schedule, int verbose = 0) : Callback
{
    private readonly Func<int, double, double> _schedule = schedule ?? throw new ArgumentNullException(nameof(schedule));

    public override void OnEpochBegin(int epoch, IDictionary<string, double> logs)
    {
        var optimizer = Model!.Optimizer!;
        double lr = _schedule(epoch, optimizer.LearningRate);
        if (!double.IsFinite(lr))
            throw new ArgumentException(Invariant($"The output of the \"schedule\" function should be a finite float. Received: {lr} at epoch {epoch}"));
        optimizer.LearningRate = lr;
        if (verbose > 0) Console.WriteLine($"\nEpoch {epoch + 1}: LearningRateScheduler setting learning rate to {PythonText.Float(lr)}.");
    }

    public override void OnEpochEnd(int epoch, IDictionary<string, double> logs) => logs["lr"] = Model!.Optimizer!.LearningRate;
}

/// <summary>Stops training when the loss becomes NaN or infinite (keras.callbacks.TerminateOnNaN).</summary>
public class TerminateOnNaN : Callback
{
    public override void OnTrainBatchEnd(int batch, IDictionary<string, double> logs)
    {
        if (logs.TryGetValue("loss", out var loss) && !double.IsFinite(loss))
        {
            Console.WriteLine($"Batch {batch}: Invalid loss, terminating training");
            Model!.StopTraining = true;
        }
    }
}

/// <summary>A callback made of functions (keras.callbacks.LambdaCallback).</summary>
public class LambdaCallback(
    Action<int, IDictionary<string, double>>? onEpochBegin = null,
    Action<int, IDictionary<string, double>>? onEpochEnd = null,
    Action<int, IDictionary<string, double>>? onBatchBegin = null,
    Action<int, IDictionary<string, double>>? onBatchEnd = null,
    Action<IDictionary<string, double>>? onTrainBegin = null,
    Action<IDictionary<string, double>>? onTrainEnd = null) : Callback
{
    public override void OnEpochBegin(int epoch, IDictionary<string, double> logs) => onEpochBegin?.Invoke(epoch, logs);
    public override void OnEpochEnd(int epoch, IDictionary<string, double> logs) => onEpochEnd?.Invoke(epoch, logs);
    public override void OnTrainBatchBegin(int batch, IDictionary<string, double> logs) => onBatchBegin?.Invoke(batch, logs);
    public override void OnTrainBatchEnd(int batch, IDictionary<string, double> logs) => onBatchEnd?.Invoke(batch, logs);
    public override void OnTrainBegin(IDictionary<string, double> logs) => onTrainBegin?.Invoke(logs);
    public override void OnTrainEnd(IDictionary<string, double> logs) => onTrainEnd?.Invoke(logs);
}
