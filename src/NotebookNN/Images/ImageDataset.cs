using System.Collections;
using NotebookNN.Tensors;

namespace NotebookNN.Images;

/// <summary>
/// What <see cref="Utils.ImageDatasetFromDirectory"/> returns (Keras's <c>tf.data.Dataset</c> of images): a
/// sequence of batches with the dataset's <see cref="ClassNames"/> and <see cref="FilePaths"/>. <c>Fit</c>,
/// <c>Evaluate</c> and <c>Predict</c> take it as they take tensors. Every image is decoded and resized when the
/// dataset is made (so a damaged file fails there, naming it, and nothing is half made); the batches are views.
/// A training dataset made with <c>shuffle: true</c> is reshuffled by <c>Fit</c> each epoch, as tf.data's shuffle
/// reshuffles each iteration; iterating it directly yields the files in the order of <see cref="FilePaths"/>.
/// </summary>
public sealed partial class ImageDataset : IReadOnlyList<ImageBatch>
{
    private readonly ImageDataset? _validation;
    private readonly string[]? _classNames;
    private readonly string[] _filePaths;

    internal ImageDataset(Tensor images, Tensor? labels, string[]? classNames, string[] filePaths, int? batchSize, bool reshuffles)
    {
        Images = images;
        Labels = labels;
        _classNames = classNames;
        _filePaths = filePaths;
        BatchSize = batchSize;
        Reshuffles = reshuffles;
    }

    /// <summary>The pair <c>subset: "both"</c> returns: the training dataset carrying its validation partner.</summary>
    internal ImageDataset(ImageDataset training, ImageDataset validation)
        : this(training.Images, training.Labels, training._classNames, training._filePaths, training.BatchSize, training.Reshuffles) =>
        _validation = validation;

    /// <summary>Every image, (N, H, W, C) float32.</summary>
    internal Tensor Images { get; }

    /// <summary>Every label, or null without labels.</summary>
    internal Tensor? Labels { get; }

    /// <summary>True when Fit reshuffles the samples each epoch (a shuffled dataset that is not the validation half of "both").</summary>
    internal bool Reshuffles { get; }

    /// <summary>Keras's <c>class_names</c>: the class of each label index (the class folders' names); null without labels.</summary>
    public IReadOnlyList<string>? ClassNames => _classNames;

    /// <summary>Keras's <c>file_paths</c>: every image file, in the order the samples come.</summary>
    public IReadOnlyList<string> FilePaths => _filePaths;

    /// <summary>Samples per batch, or null when the dataset yields single samples.</summary>
    public int? BatchSize { get; }

    /// <summary>Number of samples (images).</summary>
    public int Samples => Images.Shape[0];

    /// <summary>Number of elements: batches (the last may be smaller), or samples when unbatched (Keras's cardinality).</summary>
    public int Count
    {
        get
        {
            CheckNotPair();
            return BatchSize is int b ? (Samples + b - 1) / b : Samples;
        }
    }

    /// <summary>Element <paramref name="index"/>: a batch, or one sample (no batch axis) when unbatched.</summary>
    public ImageBatch this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index), $"Index {index} is out of range for a dataset of {Count} elements.");
            if (BatchSize is not int b) return new ImageBatch(Images[index], Labels?[index]);
            var rows = (index * b)..Math.Min((index + 1) * b, Samples);
            return new ImageBatch(Images[rows], Labels?[rows]);
        }
    }

    /// <summary>The two datasets of <c>subset: "both"</c>: <c>var (trainDs, valDs) = Utils.ImageDatasetFromDirectory(...)</c>.</summary>
    public void Deconstruct(out ImageDataset training, out ImageDataset validation)
    {
        if (_validation is null)
            throw new InvalidOperationException("Only the result of `subset: \"both\"` deconstructs into (training, validation) datasets; this dataset is a single subset.");
        training = new ImageDataset(Images, Labels, _classNames, _filePaths, BatchSize, Reshuffles);
        validation = _validation;
    }

    /// <summary>The images and labels as Fit, Evaluate and Predict take them; <paramref name="what"/> names the call in errors.</summary>
    internal (Tensor Images, int BatchSize) ForModel(string what)
    {
        CheckNotPair();
        if (BatchSize is not int b)
            throw new ArgumentException($"{what} expects a batched dataset (images of shape (batch, height, width, channels)); this one was made with `batchSize: null` and yields single images. Make it with a batch size (default 32).");
        return (Images, b);
    }

    /// <summary>The labels for a call that needs targets, or an error saying why there are none.</summary>
    internal Tensor LabelsFor(string what) => Labels ?? throw new ArgumentException(
        $"{what} needs targets, but this dataset has no labels (it was made with `labelMode: null`). Make it with labelMode \"int\", \"categorical\" or \"binary\", or use Predict.");

    private void CheckNotPair()
    {
        if (_validation is not null)
            throw new InvalidOperationException("This is the pair `subset: \"both\"` returns, not one dataset: deconstruct it, `var (trainDs, valDs) = Utils.ImageDatasetFromDirectory(...)`.");
    }

    /// <inheritdoc/>
    public IEnumerator<ImageBatch> GetEnumerator()
    {
        for (int i = 0, n = Count; i < n; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>tf.data's repr: the element spec (batch axis None).</summary>
    public override string ToString()
    {
        var dims = Images.Shape.Dims;
        string batch = BatchSize is null ? "" : "None, ";
        string images = $"TensorSpec(shape=({batch}{dims[1]}, {dims[2]}, {dims[3]}), dtype=tf.float32, name=None)";
        if (Labels is null) return $"<_PrefetchDataset element_spec={images}>";
        var l = Labels.Shape.Dims;
        string labelShape = l.Length == 1 ? (BatchSize is null ? "()" : "(None,)") : BatchSize is null ? $"({l[1]},)" : $"(None, {l[1]})";
        string dtype = l.Length == 1 ? "tf.int32" : "tf.float32";
        return $"<_PrefetchDataset element_spec=({images}, TensorSpec(shape={labelShape}, dtype={dtype}, name=None))>";
    }
}
