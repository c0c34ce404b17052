using NotebookNN.Datasets.Download;
using NotebookNN.Datasets.Formats;
using NotebookNN.Tensors;

namespace NotebookNN.Datasets;

/// <summary>Fashion-MNIST (keras.datasets.fashion_mnist): 60,000 training and 10,000 test 28 × 28 images of clothing.</summary>
public static class FashionMnist
{
    /// <summary>The class names, index = label (T-shirt/top, Trouser, …, Ankle boot).</summary>
    public static IReadOnlyList<string> ClassNames { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>The four IDX files with their MD5 as Fashion-MNIST publishes it (Keras checks none; a file found on disk is checked against it).</summary>
    internal static readonly DatasetSource[] Files =
    [
        DatasetSource.Keras("train-labels-idx1-ubyte.gz", md5: "25c81989df183df01b3e8a0aad5dffbe", subfolder: "fashion-mnist"),
        DatasetSource.Keras("train-images-idx3-ubyte.gz", md5: "8d4fb7e6c68d591d4c3dfef9ec88bf0d", subfolder: "fashion-mnist"),
        DatasetSource.Keras("t10k-labels-idx1-ubyte.gz", md5: "bb300cfdad3c16e7a12a480ee83cd310", subfolder: "fashion-mnist"),
        DatasetSource.Keras("t10k-images-idx3-ubyte.gz", md5: "bef4ecab320f06d8554ea6380940ec79", subfolder: "fashion-mnist"),
    ];

    /// <summary>
    /// Loads Fashion-MNIST: images (60000, 28, 28) and (10000, 28, 28) with values 0..255, labels 0..9.
    /// The four IDX files are cached in <c>~/.keras/datasets/fashion-mnist</c>.
    /// </summary>
    public static ((Tensor X, Tensor Y) Train, (Tensor X, Tensor Y) Test) LoadData()
    {
        var paths = Files.Select(DatasetCache.GetFile).ToArray();
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
