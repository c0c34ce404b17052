using NotebookNN.Images;
using NotebookNN.Randomness;
using NotebookNN.Tensors;

namespace NotebookNN;

public static partial class Utils
{
    /// <summary>
    /// Keras's <c>load_img</c>: reads a PNG, JPEG, BMP or GIF file (StbImageSharp), converts it to the colour mode
    /// and, with <paramref name="targetSize"/>, resizes it as PIL does (Keras's default interpolation is "nearest").
    /// A missing, damaged or foreign file is an error naming it. <see cref="ImgToArray"/> makes it a tensor.
    /// </summary>
    /// <param name="path">The image file.</param>
    /// <param name="colorMode">"rgb" (3 channels), "grayscale" (1, PIL's luma) or "rgba" (4).</param>
    /// <param name="targetSize">(height, width) to resize to, or null for the file's own size.</param>
    /// <param name="interpolation">"nearest" or "bilinear" (PIL's, which averages every covered pixel when shrinking).</param>
    public static LoadedImage LoadImg(string path, string colorMode = "rgb", (int Height, int Width)? targetSize = null, string interpolation = "nearest")
    {
        ArgumentNullException.ThrowIfNull(path);
        int channels = ColorMode.Channels(colorMode);
        if (targetSize is { } t) CheckSize(t, "target_size");
        PilResize.Check(interpolation);
        var (pixels, w, h, c) = ImageFile.Decode(path);
        pixels = ColorMode.Convert(pixels, w * h, c, channels);
        if (targetSize is not { } size) return new LoadedImage(pixels, w, h, channels);
        return new LoadedImage(PilResize.Resize(pixels, h, w, channels, size.Height, size.Width, interpolation), size.Width, size.Height, channels);
    }

    /// <summary>Keras's <c>img_to_array</c>: the image as a float32 (height, width, channels) tensor of values 0..255.</summary>
    public static Tensor ImgToArray(LoadedImage img)
    {
        ArgumentNullException.ThrowIfNull(img);
        var values = new float[img.Pixels.Length];
        for (int i = 0; i < values.Length; i++) values[i] = img.Pixels[i];
        return Tensor.Adopt(values, img.Height, img.Width, img.Channels);
    }

    /// <summary>
    /// Keras's <c>image_dataset_from_directory</c>: a dataset of image batches from a folder with one subfolder per
    /// class (labels 0, 1, ... in the folders' alphanumeric order, or <paramref name="classNames"/>'s). Files with an
    /// image extension (.bmp, .gif, .jpeg, .jpg, .png) are taken, others skipped; the paths are shuffled with
    /// numpy's RandomState(seed) and split as Keras splits them (the last validationSplit of them for validation), so
    /// the same seed gives the same files as Keras. Prints Keras's "Found N files belonging to C classes." and
    /// "Using K files for training.". Images are resized as tf.image.resize does (bilinear, half-pixel centres, no
    /// antialiasing), float32 0..255. <c>subset: "both"</c> returns both: <c>var (trainDs, valDs) = ...</c>.
    /// </summary>
    /// <param name="directory">The folder holding one subfolder of images per class.</param>
    /// <param name="labelMode">"int" (N,), "categorical" (N, classes), "binary" (N, 1), or null for images only.</param>
    /// <param name="classNames">The classes (subfolder names) in label order; default every subfolder, sorted.</param>
    /// <param name="colorMode">"rgb", "grayscale" or "rgba".</param>
    /// <param name="batchSize">Images per batch; null for single images.</param>
    /// <param name="imageSize">(height, width) every image is resized to; default (256, 256).</param>
    /// <param name="shuffle">Shuffle the files (and reshuffle each epoch in Fit); false keeps alphanumeric order.</param>
    /// <param name="seed">Seed of the shuffle; required with a validation split and shuffling.</param>
    /// <param name="validationSplit">Fraction of the files held out for validation, in (0, 1).</param>
    /// <param name="subset">"training", "validation" or "both"; only with a validation split.</param>
    /// <param name="interpolation">"bilinear" or "nearest".</param>
    /// <param name="verbose">Print the number of files and classes found.</param>
    public static ImageDataset ImageDatasetFromDirectory(string directory, string? labelMode = "int",
        IReadOnlyList<string>? classNames = null, string colorMode = "rgb", int? batchSize = 32,
        (int Height, int Width)? imageSize = null, bool shuffle = true, int? seed = null, double? validationSplit = null,
        string? subset = null, string interpolation = "bilinear", bool verbose = true)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (labelMode is not (null or "int" or "categorical" or "binary"))
            throw new ArgumentException($"`label_mode` argument must be one of \"int\", \"categorical\", \"binary\", or None. Received: label_mode={labelMode}", nameof(labelMode));
        if (labelMode is null && classNames is not null)
            throw new ArgumentException("When `labels=None` (no labels), argument `class_names` cannot be specified.", nameof(classNames));
        int channels = ColorMode.Channels(colorMode);
        var size = imageSize ?? (256, 256);
        CheckSize(size, "image_size");
        if (batchSize is <= 0) throw new ArgumentException($"Argument `batch_size` must be a positive integer or None. Received: batch_size={batchSize}", nameof(batchSize));
        TensorFlowResize.Check(interpolation);
        CheckValidationSplit(validationSplit, subset, shuffle, seed);

        int s = seed ?? RandomGenerator.Shared.NextInt(1_000_000);
        var index = DirectoryIndex.Read(directory, inferLabels: labelMode is not null, classNames, shuffle, s, verbose);
        if (labelMode == "binary" && index.ClassNames!.Length != 2)
            throw new ArgumentException($"When passing `label_mode=\"binary\"`, there must be exactly 2 class_names. Received: class_names=[{string.Join(", ", index.ClassNames.Select(c => $"'{c}'"))}]", nameof(labelMode));

        ImageDataset Load(DirectoryIndex part, bool reshuffles) =>
            ImageDatasetLoader.Load(part, size, channels, interpolation, labelMode, batchSize, reshuffles);
        if (validationSplit is not { } split || split == 0) return Load(index, shuffle);
        if (subset != "both") return Load(index.Subset(split, subset!, directory), shuffle);
        var training = index.Subset(split, "training", directory);
        var validation = index.Subset(split, "validation", directory);
        return new ImageDataset(Load(training, shuffle), Load(validation, reshuffles: false));
    }

    /// <summary>Keras's <c>check_validation_split_arg</c>.</summary>
    private static void CheckValidationSplit(double? validationSplit, string? subset, bool shuffle, int? seed)
    {
        bool split = validationSplit is { } v && v != 0;
        if (split && !(validationSplit > 0 && validationSplit < 1))
            throw new ArgumentException(Invariant($"`validation_split` must be between 0 and 1, received: {validationSplit}"), nameof(validationSplit));
        if (split != (subset is not null))
            throw new ArgumentException("If `subset` is set, `validation_split` must be set, and inversely.", nameof(subset));
        if (subset is not (null or "training" or "validation" or "both"))
            throw new ArgumentException($"`subset` must be either \"training\", \"validation\" or \"both\", received: {subset}", nameof(subset));
        if (split && shuffle && seed is null)
            throw new ArgumentException("If using `validation_split` and shuffling the data, you must provide a `seed` argument, to make sure that there is no overlap between the training and validation subset.", nameof(seed));
    }

    private static void CheckSize((int Height, int Width) size, string name)
    {
        if (size.Height <= 0 || size.Width <= 0)
            throw new ArgumentException($"Invalid `{name}` value. Expected a tuple of 2 positive integers (height, width). Received: {name}=({size.Height}, {size.Width})");
    }
}
