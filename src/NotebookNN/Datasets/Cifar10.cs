using NotebookNN.Datasets.Download;
using NotebookNN.Datasets.Formats;
using NotebookNN.Tensors;

namespace NotebookNN.Datasets;

/// <summary>CIFAR-10 (keras.datasets.cifar10): 50,000 training and 10,000 test 32 × 32 colour images in 10 classes.</summary>
public static class Cifar10
{
    internal static readonly DatasetSource Archive = new("cifar-10-python.tar.gz", "https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz",
        Sha256: "6d958be074577803d12ecdefd02955f39262c83c16fe9348329d7fe0b5c001ce");

    /// <summary>The class names, index = label.</summary>
    public static IReadOnlyList<string> ClassNames { get; } =
        ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"];

    /// <summary>
    /// Loads CIFAR-10 channels-last like Keras: x train (50000, 32, 32, 3), y train (50000, 1), x test (10000, 32, 32, 3),
    /// y test (10000, 1), pixel values 0..255. The batches are read from the extracted <c>cifar-10-batches-py</c> folder.
    /// </summary>
    public static ((Tensor X, Tensor Y) Train, (Tensor X, Tensor Y) Test) LoadData() =>
        LoadFrom(ArchiveFolder.Get(Archive, "cifar-10-batches-py", "test_batch"));

    /// <summary>The published MD5 of each batch of the real <c>cifar-10-batches-py</c> (as torchvision checks them).</summary>
    internal static readonly IReadOnlyDictionary<string, string> BatchMd5 = new Dictionary<string, string>
    {
        ["data_batch_1"] = "c99cafc152244af753f735de768cd75f",
        ["data_batch_2"] = "d4bba439e000b95fd0a9bffe97cbabec",
        ["data_batch_3"] = "54ebc095f3ab1f0389bbae665268c751",
        ["data_batch_4"] = "634d18415352ddfa80567beed471001a",
        ["data_batch_5"] = "482c414d41f54cd18b22e5b47cb7c3cb",
        ["test_batch"] = "40351d587109b95175f43aff81a1287e",
    };

    /// <summary>Reads a <c>cifar-10-batches-py</c> folder once each batch is checked (published MD5, the record written when the
    /// folder was extracted, or the stand-in list of the folder it is in).</summary>
    internal static ((Tensor X, Tensor Y) Train, (Tensor X, Tensor Y) Test) LoadFrom(string folder)
    {
        KnownFile.CheckFolder(folder, BatchMd5);
        var train = Enumerable.Range(1, 5).Select(i => Path.Combine(folder, $"data_batch_{i}"));
        return (Read(train), Read([Path.Combine(folder, "test_batch")]));
    }

    private static (Tensor X, Tensor Y) Read(IEnumerable<string> files)
    {
        var batches = files.Select(CifarBatch.ReadFile).ToList();
        int n = batches.Sum(b => b.Count);
        if (!Shape.TrySizeOf([n, 3072], out int size))
            throw new InvalidDataException($"The CIFAR batches {string.Join(", ", files.Select(Path.GetFileName))} hold {n} images together, more than one tensor holds.");
        var x = new float[size];
        var y = new float[n];
        int at = 0;
        foreach (var (pixels, count, labels) in batches)
        {
            pixels.CopyTo(x, at * 3072);
            labels.CopyTo(y, at);
            at += count;
        }
        return (Tensor.Adopt(x, n, 32, 32, 3), Tensor.Adopt(y, n, 1));
    }
}
