using NotebookNN.Datasets.Download;
using NotebookNN.Datasets.Formats;
using NotebookNN.Tensors;

namespace NotebookNN.Datasets;

/// <summary>The MNIST digits (keras.datasets.mnist): 60,000 training and 10,000 test images of 28 × 28 pixels.</summary>
public static class Mnist
{
    internal static readonly DatasetSource Source = DatasetSource.Keras("mnist.npz", sha256: "731c5ac602752760c8e48fbffcf8c3b850d9dc2a2aedcf2cc48468fc17b673d1");

    /// <summary>
    /// Loads MNIST: <c>var ((xTrain, yTrain), (xTest, yTest)) = Mnist.LoadData();</c> with images (60000, 28, 28) and
    /// (10000, 28, 28) of pixel values 0..255 and labels 0..9 of shape (60000,) and (10000,).
    /// </summary>
    /// <param name="path">The file name in the cache (relative to <c>~/.keras/datasets</c>).</param>
    public static ((Tensor X, Tensor Y) Train, (Tensor X, Tensor Y) Test) LoadData(string path = "mnist.npz") =>
        LoadFrom(DatasetCache.GetFile(Source with { FileName = path }));

    internal static ((Tensor X, Tensor Y) Train, (Tensor X, Tensor Y) Test) LoadFrom(string file)
    {
        var a = NpzReader.ReadFile(file);
        return ((DatasetArrays.ToTensor(a.Get("x_train", file)), DatasetArrays.ToTensor(a.Get("y_train", file))),
                (DatasetArrays.ToTensor(a.Get("x_test", file)), DatasetArrays.ToTensor(a.Get("y_test", file))));
    }
}
