namespace NotebookNN.Models;

/// <summary>
/// Hooks into training, evaluation and prediction (keras.callbacks.Callback). Override the hooks you need;
/// <c>logs</c> carries the current loss and metric values by Keras's names (<c>loss</c>, <c>accuracy</c>,
/// <c>val_loss</c>, …).
/// </summary>
public abstract class Callback
{
    /// <summary>The model being trained; set before training starts.</summary>
    public Model? Model { get; private set; }

    /// <summary>Training parameters: <c>epochs</c>, <c>steps</c>, <c>verbose</c> (a <see cref="CallbackParams"/> when a call set them).</summary>
    public IReadOnlyDictionary<string, object> Params { get; private set; } = new Dictionary<string, object>();

    /// <summary><see cref="Params"/> typed, read once when they are set.</summary>
    internal CallbackParams Settings { get; private set; } = CallbackParams.Default;

    public virtual void SetModel(Model model) => Model = model;

    public virtual void SetParams(IReadOnlyDictionary<string, object> parameters)
    {
        Settings = CallbackParams.From(parameters);
        Params = parameters;
    }

    public virtual void OnTrainBegin(IDictionary<string, double> logs) { }
    public virtual void OnTrainEnd(IDictionary<string, double> logs) { }
    public virtual void OnEpochBegin(int epoch, IDictionary<string, double> logs) { }
    public virtual void OnEpochEnd(int epoch, IDictionary<string, double> logs) { }
    public virtual void OnTrainBatchBegin(int batch, IDictionary<string, double> logs) { }
    public virtual void OnTrainBatchEnd(int batch, IDictionary<string, double> logs) { }
    public virtual void OnTestBegin(IDictionary<string, double> logs) { }
    public virtual void OnTestEnd(IDictionary<string, double> logs) { }
    public virtual void OnTestBatchBegin(int batch, IDictionary<string, double> logs) { }
    public virtual void OnTestBatchEnd(int batch, IDictionary<string, double> logs) { }
    public virtual void OnPredictBegin(IDictionary<string, double> logs) { }
    public virtual void OnPredictEnd(IDictionary<string, double> logs) { }
    public virtual void OnPredictBatchBegin(int batch, IDictionary<string, double> logs) { }
    public virtual void OnPredictBatchEnd(int batch, IDictionary<string, double> logs) { }
}
