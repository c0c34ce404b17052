using NotebookNN.Tensors;

namespace NotebookNN.Models;

public partial class Model
{
    /// <summary>
    /// Trains the model for a number of epochs (keras.Model.fit) and returns its <see cref="History"/>.
    /// With <paramref name="verbose"/> 1 a progress bar per epoch, 2 one line per epoch, 0 nothing.
    /// </summary>
    /// <param name="x">Input samples, first axis the samples.</param>
    /// <param name="y">Targets, one per sample.</param>
    /// <param name="batchSize">Samples per gradient update; default 32.</param>
    /// <param name="epochs">Epoch index to stop at (with <paramref name="initialEpoch"/>, the epochs run are initialEpoch..epochs-1).</param>
    /// <param name="verbose">0 silent, 1 progress bar, 2 one line per epoch.</param>
    /// <param name="callbacks">Callbacks called during training.</param>
    /// <param name="validationSplit">Fraction of the data, taken from the end before shuffling, held out for validation.</param>
    /// <param name="validationData">(x, y) evaluated at the end of each epoch; overrides <paramref name="validationSplit"/>.</param>
    /// <param name="shuffle">Shuffle the samples before each epoch.</param>
    /// <param name="classWeight">Class index → weight applied to the loss of that class's samples.</param>
    /// <param name="sampleWeight">A weight per sample applied to its loss.</param>
    /// <param name="initialEpoch">The epoch to start at (to resume a previous run).</param>
    /// <param name="validationFreq">Validate every this many epochs.</param>
    public History Fit(Tensor x, Tensor y, int? batchSize = null, int epochs = 1, int verbose = 1,
        IEnumerable<Callback>? callbacks = null, double validationSplit = 0.0, (Tensor X, Tensor Y)? validationData = null,
        bool shuffle = true, IReadOnlyDictionary<int, double>? classWeight = null, Tensor? sampleWeight = null,
        int initialEpoch = 0, int validationFreq = 1) =>
        Trainer.Fit(this, CallData.Of(x, y, sampleWeight), validationData is { } v ? CallData.Of(v.X, v.Y, prefix: "validation ") : null,
            new(batchSize, epochs, verbose, callbacks, validationSplit, shuffle, classWeight, initialEpoch, validationFreq));

    /// <summary>
    /// Trains a model with several inputs and/or outputs (keras.Model.fit with lists): one array per input in
    /// <paramref name="x"/> and one per output in <paramref name="y"/>. History holds <c>loss</c>, each output's loss
    /// (<c>main_output_loss</c>) and metrics, and their <c>val_</c> forms.
    /// </summary>
    /// <param name="x">One array per model input, in <see cref="InputNames"/> order.</param>
    /// <param name="y">One target array per model output, in <see cref="OutputNames"/> order.</param>
    /// <param name="batchSize">Samples per gradient update; default 32.</param>
    /// <param name="epochs">Epoch index to stop at.</param>
    /// <param name="verbose">0 silent, 1 progress bar, 2 one line per epoch.</param>
    /// <param name="callbacks">Callbacks called during training.</param>
    /// <param name="validationSplit">Fraction of the samples, taken from the end, held out for validation.</param>
    /// <param name="validationData">One array per input and per output, evaluated after each epoch.</param>
    /// <param name="shuffle">Shuffle the samples before each epoch.</param>
    /// <param name="sampleWeight">A weight per sample applied to every output's loss.</param>
    /// <param name="initialEpoch">The epoch to start at.</param>
    /// <param name="validationFreq">Validate every this many epochs.</param>
    public History Fit(Tensor[] x, Tensor[] y, int? batchSize = null, int epochs = 1, int verbose = 1,
        IEnumerable<Callback>? callbacks = null, double validationSplit = 0.0, (Tensor[] X, Tensor[] Y)? validationData = null,
        bool shuffle = true, Tensor? sampleWeight = null, int initialEpoch = 0, int validationFreq = 1) =>
        Trainer.Fit(this, CallData.Lists(x, y, sampleWeight), validationData is { } v ? CallData.Lists(v.X, v.Y, prefix: "validation ") : null,
            new(batchSize, epochs, verbose, callbacks, validationSplit, shuffle, null, initialEpoch, validationFreq));

    /// <summary>Trains with inputs and targets given by input and output name (keras.Model.fit with dicts).</summary>
    public History Fit(IReadOnlyDictionary<string, Tensor> x, IReadOnlyDictionary<string, Tensor> y, int? batchSize = null, int epochs = 1,
        int verbose = 1, IEnumerable<Callback>? callbacks = null, double validationSplit = 0.0, bool shuffle = true, Tensor? sampleWeight = null) =>
        Fit(CallData.ByName(x, InputNames, "input"), CallData.ByName(y, OutputNames, "output"), batchSize, epochs, verbose, callbacks, validationSplit, null, shuffle, sampleWeight);
}
