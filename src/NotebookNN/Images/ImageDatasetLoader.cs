using System.Runtime.ExceptionServices;
using NotebookNN.Tensors;

namespace NotebookNN.Images;

/// <summary>
/// Decodes and resizes the files of a <see cref="DirectoryIndex"/> into one (N, H, W, C) float32 tensor (both
/// cores, each image into its own slot), encodes the labels as the label mode says, and makes the
/// <see cref="ImageDataset"/>. A file that fails is reported by its path; when several fail, the first in the
/// dataset's order, whichever core met it first.
/// </summary>
internal static class ImageDatasetLoader
{
    /// <summary>The dataset of the indexed files, each resized to (height, width) with the given channels.</summary>
    public static ImageDataset Load(DirectoryIndex index, (int Height, int Width) size, int channels, string interpolation,
        string? labelMode, int? batchSize, bool reshuffles)
    {
        int n = index.Paths.Length, pixels = size.Height * size.Width * channels;
        if ((long)n * pixels > Array.MaxLength)
            throw new ArgumentException($"{n} images of {size.Height} × {size.Width} × {channels} are {(long)n * pixels} values, more than one tensor holds ({Array.MaxLength}); use a smaller `imageSize` or fewer images.");
        var data = GC.AllocateUninitializedArray<float>(n * pixels);
        var failures = new Exception?[n];
        Parallel.For(0, n, i =>
        {
            try { DecodeInto(index.Paths[i], size, channels, interpolation, data.AsSpan(i * pixels, pixels)); }
            catch (Exception e) when (e is not OutOfMemoryException) { failures[i] = e; }
        });
        foreach (var failure in failures)
            if (failure is not null) ExceptionDispatchInfo.Throw(failure);
        var images = Tensor.Adopt(data, n, size.Height, size.Width, channels);
        var labels = index.Labels is null || labelMode is null ? null : Encode(index.Labels, index.ClassNames!.Length, labelMode);
        return new ImageDataset(images, labels, labels is null ? null : index.ClassNames, index.Paths, batchSize, reshuffles);
    }

    /// <summary>One file decoded, converted to <paramref name="channels"/> and resized into <paramref name="into"/>.</summary>
    private static void DecodeInto(string path, (int Height, int Width) size, int channels, string interpolation, Span<float> into)
    {
        var (pixels, w, h, c) = ImageFile.Decode(path);
        var converted = ColorMode.Convert(pixels, w * h, c, channels);
        TensorFlowResize.Resize(converted, h, w, channels, into, size.Height, size.Width, interpolation);
    }

    /// <summary>Keras's label encodings: "int" (N,), "categorical" (N, classes) one-hot, "binary" (N, 1).</summary>
    private static Tensor Encode(int[] labels, int classes, string labelMode)
    {
        int n = labels.Length;
        switch (labelMode)
        {
            case "categorical":
                var oneHot = new float[n * classes];
                for (int i = 0; i < n; i++) oneHot[i * classes + labels[i]] = 1f;
                return Tensor.Adopt(oneHot, n, classes);
            case "binary":
                return Tensor.Adopt(labels.Select(l => (float)l).ToArray(), n, 1);
            default:
                return Tensor.Adopt(labels.Select(l => (float)l).ToArray(), n);
        }
    }
}
