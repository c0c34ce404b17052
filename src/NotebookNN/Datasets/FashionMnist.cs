using NotebookNN.Datasets.Download;
using NotebookNN.Datasets.Formats;

namespace NotebookNN.Datasets;

/// <summary>Fashion-MNIST (keras.datasets.fashion_mnist): 60,000 training and 10,000 test 28 × 28 images of clothing.</summary>
public static class FashionMnist
{
    /// <summary>The class names, index = label (T-shirt/top, Trouser, …, Ankle boot).</summary>
    public static IReadOnlyList<string> ClassNames { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    internal static readonly string[] Files =
        ["train-labels-idx1-ubyte.gz", "train-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz"];

    /// <summary>
    /// Loads Fashion-MNIST: images (60000, 28, 28) and (10000, 28, 28) with values 0..255, labels 0..9.
    /// The four IDX files are cached in <c>~/.keras/datasets/fashion-mnist</c>.
    /// </summary>
    public static ((Tensor X, Tensor Y) Train, (Tensor X, Tensor Y) Test) LoadData()
    {
        var paths = Files.Select(f => DatasetCache.GetFile(DatasetSource.Keras(f, subfolder: "fashion-mnist"))).ToArray();
        return LoadFrom(paths[0], paths[1], paths[2], paths[3]);
    }

    internal static ((Tensor X, Tensor Y) Train, (Tensor X, Tensor Y) Test) LoadFrom(string trainLabels, string trainImages, string testLabels, string testImages) =>
        (Read(trainImages, trainLabels), Read(testImages, testLabels));

    internal static (Tensor X, Tensor Y) Read(string images, string labels)
    {
        var (x, xShape) = IdxReader.ReadFile(images);
        var (y, yShape) = IdxReader.ReadFile(labels);
        if (xShape[0] != yShape[0])
            throw new InvalidDataException($"'{images}' holds {xShape[0]} images but '{labels}' holds {yShape[0]} labels.");
        return (Tensor.Adopt(x, xShape), Tensor.Adopt(y, yShape));
    }
}
