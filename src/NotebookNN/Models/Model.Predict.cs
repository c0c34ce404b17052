using NotebookNN.Tensors;

namespace NotebookNN.Models;

public partial class Model
{
    /// <summary>
    /// The model's outputs for <paramref name="x"/>, computed in batches (keras.Model.predict); no gradients recorded.
    /// With <paramref name="verbose"/> 1 or 2 it prints Keras's bar (<c>1/1 [====…] - 0s 50ms/step</c>).
    /// </summary>
    public Tensor Predict(Tensor x, int? batchSize = null, int verbose = 1, IEnumerable<Callback>? callbacks = null) =>
        OneOutput(Trainer.Predict(this, CallData.Of(x), batchSize, verbose, callbacks));

    /// <summary>
    /// The outputs of a model with several inputs and/or outputs for one array per input (keras.Model.predict with
    /// lists), computed in batches; one array per output.
    /// </summary>
    public Tensor[] Predict(Tensor[] x, int? batchSize = null, int verbose = 1, IEnumerable<Callback>? callbacks = null) =>
        Trainer.Predict(this, CallData.Lists(x, []), batchSize, verbose, callbacks);

    /// <summary>Predicts with inputs given by input name.</summary>
    public Tensor[] Predict(IReadOnlyDictionary<string, Tensor> x, int? batchSize = null, int verbose = 1) =>
        Predict(CallData.ByName(x, InputNames, "input"), batchSize, verbose);

    /// <summary>The outputs for one batch (keras.Model.predict_on_batch).</summary>
    public Tensor PredictOnBatch(Tensor x) => Forward(x, training: false);

    /// <summary>The one output of a single-output call; a model with several names them.</summary>
    private Tensor OneOutput(Tensor[] outputs) => outputs.Length == 1 ? outputs[0]
        : throw new InvalidOperationException($"Model \"{Name}\" has {outputs.Length} outputs; call Call(Tensor[], training) or Predict to get them all.");
}
