using NotebookNN.Datasets;
using NotebookNN.Datasets.Download;

namespace NotebookNN.Tests.Datasets;

/// <summary>
/// Dataset files found on disk are hash-checked wherever they come from: the <c>NOTEBOOKNN_DATASETS</c> folder (against
/// the known hash, or the SHA-256 its STANDINS.sha256 declares for a stand-in) and a folder extracted into the cache
/// (against the SHA256SUMS written while the checked archive was extracted). A flipped bit is an error naming the file.
/// </summary>
public class OfflineFileCheckTests
{
    private static readonly byte[] Payload = Enumerable.Range(0, 50_000).Select(i => (byte)(i * 13 + i / 700)).ToArray();

    private static byte[] Flipped(byte[] b, int at, int bit)
    {
        var c = (byte[])b.Clone();
        c[at] ^= (byte)(1 << bit);
        return c;
    }

    [Fact]
    public void AFileInTheUserFolderIsCheckedAgainstItsKnownHash()
    {
        using var user = new TempFolder();
        using var cache = new TempFolder();
        var source = new DatasetSource("data.npz", "http://127.0.0.1:9/data.npz", Sha256: DataFixtures.Sha(Payload));
        var path = user.File("data.npz");
        File.WriteAllBytes(path, Payload);
        Assert.Equal(path, DatasetCache.Resolve(source, user.Path, cache.Path, TextWriter.Null));

        File.WriteAllBytes(path, Flipped(Payload, 31_337, 6));
        var e = Assert.Throws<InvalidDataException>(() => DatasetCache.Resolve(source, user.Path, cache.Path, TextWriter.Null));
        Assert.StartsWith($"The file '{path}' is damaged or is not the dataset's file: its SHA-256 is {DataFixtures.Sha(Flipped(Payload, 31_337, 6))}, expected the SHA-256 {DataFixtures.Sha(Payload)} of data.npz's published hash.", e.Message);
        Assert.Contains(Path.Combine(user.Path, "STANDINS.sha256"), e.Message);
    }

    [Fact]
    public void AStandInIsUsedOnlyWhenItsFolderDeclaresItAndOnlyIntact()
    {
        using var user = new TempFolder();
        using var cache = new TempFolder();
        var source = DatasetSource.Keras("t10k-labels-idx1-ubyte.gz", md5: "bb300cfdad3c16e7a12a480ee83cd310", subfolder: "fashion-mnist");
        Directory.CreateDirectory(Path.Combine(user.Path, "fashion-mnist"));
        var path = Path.Combine(user.Path, "fashion-mnist", "t10k-labels-idx1-ubyte.gz");
        File.WriteAllBytes(path, Payload);
        // not Fashion-MNIST's file and not declared: refused (the old loader trained on it)
        Assert.Contains("expected the MD5 bb300cfdad3c16e7a12a480ee83cd310", Assert.Throws<InvalidDataException>(() => DatasetCache.Resolve(source, user.Path, cache.Path, TextWriter.Null)).Message);

        File.WriteAllText(Path.Combine(user.Path, "STANDINS.sha256"), $"{DataFixtures.Sha(Payload)}  fashion-mnist/t10k-labels-idx1-ubyte.gz\n");
        Assert.Equal(path, DatasetCache.Resolve(source, user.Path, cache.Path, TextWriter.Null));

        File.WriteAllBytes(path, Flipped(Payload, 100, 0));
        var e = Assert.Throws<InvalidDataException>(() => DatasetCache.Resolve(source, user.Path, cache.Path, TextWriter.Null));
        Assert.Contains($"or the SHA-256 {DataFixtures.Sha(Payload)} of '{Path.Combine(user.Path, "STANDINS.sha256")}'", e.Message);
    }

    [Fact]
    public void FashionMnistFilesHaveTheirPublishedMd5()
    {
        Assert.Equal(4, FashionMnist.Files.Length);
        Assert.All(FashionMnist.Files, f => Assert.Matches("^[0-9a-f]{32}$", f.Md5));
        Assert.All(FashionMnist.Files, f => Assert.Equal("fashion-mnist", f.Subfolder));
    }

    [Fact]
    public void AMalformedStandInListIsNamed()
    {
        using var user = new TempFolder();
        File.WriteAllBytes(user.File("data.npz"), Payload);
        File.WriteAllText(user.File("STANDINS.sha256"), "not a hash line\n");
        var source = new DatasetSource("data.npz", "http://127.0.0.1:9/data.npz", Sha256: new string('0', 64));
        var e = Assert.Throws<InvalidDataException>(() => DatasetCache.Resolve(source, user.Path, user.Path, TextWriter.Null));
        Assert.Contains("STANDINS.sha256' line 1 is not '<SHA-256 in hex>  <relative path>'", e.Message);
    }

    [Fact]
    public void ACifarFolderExtractedIntoTheCacheIsCheckedWhenItsBatchesAreRead()
    {
        var bytes = DataFixtures.CifarArchive();
        using var user = new TempFolder();
        using var cache = new TempFolder();
        File.WriteAllBytes(user.File("cifar-10-python.tar.gz"), bytes);
        var archive = new DatasetSource("cifar-10-python.tar.gz", "http://127.0.0.1:9/cifar-10-python.tar.gz", Sha256: DataFixtures.Sha(bytes));
        var folder = ArchiveFolder.Resolve(archive, "cifar-10-batches-py", "test_batch", user.Path, cache.Path, TextWriter.Null);
        Assert.Equal(Path.Combine(cache.Path, "cifar-10-batches-py"), folder);
        var record = File.ReadAllLines(Path.Combine(folder, "SHA256SUMS"));
        Assert.Contains($"{DataFixtures.Sha(File.ReadAllBytes(Path.Combine(folder, "data_batch_2")))}  data_batch_2", record);
        Assert.Equal(new Shape(15, 32, 32, 3), Cifar10.LoadFrom(folder).Train.X.Shape);

        // a bit flipped in a pixel of the extracted batch (the old loader read it as another pixel value)
        var batch = Path.Combine(folder, "data_batch_2");
        var content = File.ReadAllBytes(batch);
        File.WriteAllBytes(batch, Flipped(content, content.Length / 2, 3));
        var e = Assert.Throws<InvalidDataException>(() => Cifar10.LoadFrom(folder));
        Assert.StartsWith($"The file '{batch}' is damaged or is not the dataset's file", e.Message);
        Assert.Contains($"'{Path.Combine(folder, "SHA256SUMS")}' (written when the archive was extracted)", e.Message);
        // found again through the cache: the folder is there, so it is used, and refused the same way
        var again = ArchiveFolder.Resolve(archive, "cifar-10-batches-py", "test_batch", null, cache.Path, TextWriter.Null);
        Assert.Throws<InvalidDataException>(() => Cifar10.LoadFrom(again));
    }

    [Fact]
    public void ACifarStandInFolderIsCheckedAgainstItsDeclaration()
    {
        using var user = new TempFolder();
        var folder = Path.Combine(user.Path, "cifar-10-batches-py");
        Directory.CreateDirectory(folder);
        foreach (var f in Directory.GetFiles(DataFixtures.Path("cifar-10-batches-py"))) File.Copy(f, Path.Combine(folder, Path.GetFileName(f)));
        // undeclared: not CIFAR's batches, refused
        Assert.Contains("expected the MD5 c99cafc152244af753f735de768cd75f of data_batch_1's published hash", Assert.Throws<InvalidDataException>(() => Cifar10.LoadFrom(folder)).Message);
        File.Copy(DataFixtures.Path("STANDINS.sha256"), user.File("STANDINS.sha256"));
        Assert.Equal(new Shape(3, 1), Cifar10.LoadFrom(folder).Test.Y.Shape);
        var labels = File.ReadAllBytes(Path.Combine(folder, "test_batch"));
        File.WriteAllBytes(Path.Combine(folder, "test_batch"), Flipped(labels, labels.Length - 40, 0));
        Assert.Throws<InvalidDataException>(() => Cifar10.LoadFrom(folder));
    }
}
