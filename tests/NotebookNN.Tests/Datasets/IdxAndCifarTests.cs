using System.IO.Compression;
using NotebookNN.Datasets;
using NotebookNN.Datasets.Formats;
using NotebookNN.Tests.Support;

namespace NotebookNN.Tests.Datasets;

/// <summary>IDX (.gz) on the real MNIST test files and CIFAR batches on fixtures in the real pickle format.</summary>
public class IdxAndCifarTests
{
    [SkippableFact]
    public void RealMnistIdxFilesLoadAsFashionMnistDoes()
    {
        var images = SharedData.Require("mnist-t10k/t10k-images-idx3-ubyte.gz");
        var labels = SharedData.Require("mnist-t10k/t10k-labels-idx1-ubyte.gz");
        var (x, y) = FashionMnist.Read(images, labels);
        Assert.Equal(new Shape(10000, 28, 28), x.Shape);
        Assert.Equal(new Shape(10000), y.Shape);
        // Independent reference: the compressed npz written by numpy from the same images.
        var npz = NpzReader.ReadFile(SharedData.Require("keras-format/mnist.npz"));
        Assert.Equal(npz["x_test"].ToFloatArray(), x[8000..].ToArray());
        Assert.Equal(npz["y_train"].ToFloatArray(), y[..8000].ToArray());
    }

    [SkippableFact]
    public void TruncatedOrCorruptedIdxIsRejected()
    {
        using var tmp = new TempFolder();
        var bytes = File.ReadAllBytes(SharedData.Require("mnist-t10k/t10k-labels-idx1-ubyte.gz"));
        var cut = tmp.File("cut-idx1-ubyte.gz");
        File.WriteAllBytes(cut, bytes[..(bytes.Length / 2)]);
        Assert.Contains(cut, Assert.Throws<InvalidDataException>(() => IdxReader.ReadFile(cut)).Message);

        // Valid gzip whose IDX content is one value short of its header.
        var raw = tmp.File("short-idx1-ubyte.gz");
        using (var gz = new GZipStream(File.Create(raw), CompressionLevel.Fastest))
            gz.Write([0, 0, 8, 1, 0, 0, 0, 5, 1, 2, 3, 4]);
        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ReadFile(raw));
        Assert.Contains("(5) = 5 values but the file holds 4", e.Message);
        Assert.Contains("0x0d", Assert.Throws<InvalidDataException>(() => IdxReader.Read([0, 0, 0x0d, 1, 0, 0, 0, 0])).Message);
    }

    [Fact]
    public void CifarBatchesLoadChannelsLastWithKerasShapes()
    {
        var ((xTrain, yTrain), (xTest, yTest)) = Cifar10.LoadFrom(DataFixtures.Path("cifar-10-batches-py"));
        Assert.Equal(new Shape(15, 32, 32, 3), xTrain.Shape);
        Assert.Equal(new Shape(15, 1), yTrain.Shape);
        Assert.Equal(new Shape(3, 32, 32, 3), xTest.Shape);
        Assert.Equal(new Shape(3, 1), yTest.Shape);
        // make_cifar_fixture.py: pixel (g, channel c, row r, col k) = (g * 31 + (c * 1024 + r * 32 + k) * 7) % 256, label (g * 3) % 10.
        var train = xTrain.ToArray();
        var test = xTest.ToArray();
        for (int g = 0; g < 18; g++)
            for (int r = 0; r < 32; r += 5)
                for (int k = 0; k < 32; k += 3)
                    for (int c = 0; c < 3; c++)
                    {
                        float expected = (g * 31 + (c * 1024 + r * 32 + k) * 7) % 256;
                        float actual = g < 15 ? train[((g * 32 + r) * 32 + k) * 3 + c] : test[(((g - 15) * 32 + r) * 32 + k) * 3 + c];
                        Assert.Equal(expected, actual);
                    }
        Assert.Equal(Enumerable.Range(0, 15).Select(g => (float)(g * 3 % 10)), yTrain.ToArray());
        Assert.Equal(Enumerable.Range(15, 3).Select(g => (float)(g * 3 % 10)), yTest.ToArray());
    }

    [Fact]
    public void TruncatedCifarBatchIsRejected()
    {
        var bytes = File.ReadAllBytes(DataFixtures.Path("cifar-10-batches-py/data_batch_1"));
        foreach (int keep in new[] { 40, bytes.Length / 2, bytes.Length - 1 })
            Assert.Throws<InvalidDataException>(() => CifarBatch.Read(bytes[..keep]));
    }
}
