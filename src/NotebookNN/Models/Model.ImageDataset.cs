using NotebookNN.Images;
using NotebookNN.Tensors;

namespace NotebookNN.Models;

public partial class Model
{
    /// <summary>
    /// Fit on an <see cref="ImageDataset"/> (Keras's fit on a dataset): its batches, its labels as targets, and
    /// <paramref name="validationData"/> another dataset. The batch size is the dataset's; a shuffled training dataset
    /// is reshuffled each epoch, as tf.data's shuffle does. The other arguments are <c>Fit</c>'s.
    /// </summary>
    public History Fit(ImageDataset x, int epochs = 1, int verbose = 1, IEnumerable<Callback>? callbacks = null,
        ImageDataset? validationData = null, IReadOnlyDictionary<int, double>? classWeight = null, int initialEpoch = 0,
        int validationFreq = 1)
    {
        ArgumentNullException.ThrowIfNull(x);
        var (images, batchSize) = x.ForModel("Fit");
        (Tensor, Tensor)? validation = validationData is null ? null : (validationData.ForModel("Fit's validationData").Images, validationData.LabelsFor("Fit's validationData"));
        return Fit(images, x.LabelsFor("Fit"), batchSize, epochs, verbose, callbacks, validationData: validation,
            shuffle: x.Reshuffles, classWeight: classWeight, initialEpoch: initialEpoch, validationFreq: validationFreq);
    }

    /// <summary>Evaluate on an <see cref="ImageDataset"/>: its batches, its labels as targets.</summary>
    public EvaluationResult Evaluate(ImageDataset x, int verbose = 1, IEnumerable<Callback>? callbacks = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        var (images, batchSize) = x.ForModel("Evaluate");
        return Evaluate(images, x.LabelsFor("Evaluate"), batchSize, verbose, callbacks: callbacks);
    }

    /// <summary>Predict on an <see cref="ImageDataset"/>: one row per image, in the order of its <see cref="ImageDataset.FilePaths"/>.</summary>
    public Tensor Predict(ImageDataset x, int verbose = 1, IEnumerable<Callback>? callbacks = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        var (images, batchSize) = x.ForModel("Predict");
        return Predict(images, batchSize, verbose, callbacks);
    }
}
