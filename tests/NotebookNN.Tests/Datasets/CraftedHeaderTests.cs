using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using NotebookNN.Datasets.Download;
using NotebookNN.Datasets.Formats;
using NotebookNN.Tests.Saving;

namespace NotebookNN.Tests.Datasets;

/// <summary>
/// Headers crafted to escape as raw .NET exceptions (an overflow in a parse or a product, a null where a size is read,
/// a path out of the extraction folder) are damaged-file errors instead: <see cref="InvalidDataException"/> naming
/// what is wrong.
/// </summary>
public class CraftedHeaderTests
{
    [Fact]
    public void ANpyShapeBeyondAnIntInAModelFileIsADamagedFileError()
    {
        using var tmp = new TempFolder();
        var saved = tmp.File("m.keras");
        ArchiveCraft.Mlp784().Save(saved);
        var crafted = tmp.File("shape.keras");
        ArchiveCraft.Rewrite(saved, crafted, CompressionLevel.Optimal, (name, data) => name != "weights/00001.npy" ? null
            : s => { s.Write(ArchiveCraft.NpyHeader("(99999999999,)")); s.Write(data.AsSpan(128)); });
        var e = Assert.Throws<InvalidDataException>(() => Keras.Models.LoadModel(crafted));
        Assert.Contains($"File '{crafted}' is damaged: entry 'weights/00001.npy' has a .npy shape '(99999999999,)' whose dimension '99999999999' is not a size", e.Message);
    }

    /// <summary>
    /// A CIFAR batch as Python 2 pickles it (protocol 2): <c>{'data': ndarray, 'labels': [0, …]}</c>, the ndarray rebuilt by
    /// <c>numpy.core.multiarray._reconstruct</c> and BUILD with (1, shape, dtype('u1'), False, data); <paramref name="shape"/>
    /// is the pickle code of the shape's elements.
    /// </summary>
    private static byte[] CifarPickle(byte[] shape, int dataBytes, int labels)
    {
        var p = new List<byte> { 0x80, 2, (byte)'}', (byte)'(' };
        p.AddRange(Encoding.ASCII.GetBytes("U\u0004data"));
        p.AddRange(Encoding.ASCII.GetBytes("cnumpy.core.multiarray\n_reconstruct\n)R("));
        p.AddRange([(byte)'K', 1, (byte)'(']);
        p.AddRange(shape);
        p.Add((byte)'t');
        p.AddRange(Encoding.ASCII.GetBytes("cnumpy\ndtype\n(U\u0002u1K\u0000K\u0001tR"));
        p.Add(0x89);
        p.Add((byte)'T');
        p.AddRange(BitConverter.GetBytes(dataBytes));
        p.AddRange(new byte[dataBytes]);
        p.AddRange([(byte)'t', (byte)'b']);
        p.AddRange(Encoding.ASCII.GetBytes("U\u0006labels]("));
        for (int i = 0; i < labels; i++) p.AddRange([(byte)'K', 0]);
        p.AddRange([(byte)'e', (byte)'u', (byte)'.']);
        return [.. p];
    }

    private static byte[] Int(long v) => v <= 255 ? [(byte)'K', (byte)v] : [0x8a, 8, .. BitConverter.GetBytes(v)];

    [Fact]
    public void TheCraftedPicklesReadWhenTheirShapeIsSound()
    {
        var (pixels, n, labels) = CifarBatch.Read(CifarPickle([.. Int(2), .. Int(3072)], 2 * 3072, 2));
        Assert.Equal(2, n);
        Assert.Equal(2 * 3072, pixels.Length);
        Assert.Equal([0f, 0f], labels);
    }

    [Theory]
    [InlineData("None")]
    [InlineData("2^40")]
    [InlineData("-1")]
    public void APickledShapeThatIsNoSizeIsADamagedFileError(string dim)
    {
        byte[] first = dim switch { "None" => [(byte)'N'], "2^40" => Int(1L << 40), _ => [(byte)'J', 0xff, 0xff, 0xff, 0xff] };
        var e = Assert.Throws<InvalidDataException>(() => CifarBatch.Read(CifarPickle([.. first, .. Int(3072)], 3072, 1)));
        Assert.Contains("Malformed pickled ndarray shape: a dimension is", e.Message);
    }

    [Fact]
    public void ACifarBatchWhoseSizeWrapsIsADamagedFileError()
    {
        // 1,398,102 × 3072 = 2^32 + 2048: as an int it wraps to the 2048 bytes the batch holds
        const int n = 1_398_102;
        var e = Assert.Throws<InvalidDataException>(() => CifarBatch.Read(CifarPickle([.. Int(n), .. Int(3072)], 2048, n)));
        Assert.Contains("(1398102, 3072) has 4294969344 elements, more than an array holds", e.Message);
    }

    [Theory]
    [InlineData("../escaped")]
    [InlineData("cifar-10-batches-py/../../escaped")]
    [InlineData("/tmp/escaped-absolute")]
    public void ATarEntryOutsideTheFolderIsADamagedFileError(string entryName)
    {
        using var user = new TempFolder();
        using var cache = new TempFolder();
        var tgz = user.File("evil.tar.gz");
        using (var gz = new GZipStream(File.Create(tgz), CompressionLevel.Fastest))
        using (var tar = new TarWriter(gz))
        {
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "cifar-10-batches-py/test_batch") { DataStream = new MemoryStream([1, 2, 3]) });
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, entryName) { DataStream = new MemoryStream([4, 5, 6]) });
        }
        var source = new DatasetSource("evil.tar.gz", "http://127.0.0.1:9/evil.tar.gz"); // no known hash: used as found
        var e = Assert.Throws<InvalidDataException>(() => ArchiveFolder.Resolve(source, "cifar-10-batches-py", "test_batch", user.Path, cache.Path, TextWriter.Null));
        Assert.Contains($"Could not extract '{tgz}'", e.Message);
        Assert.Contains($"The archive's entry '{entryName}' would be written outside the folder", e.Message);
        Assert.False(File.Exists(Path.Combine(cache.Path, "..", "escaped")));
        Assert.False(File.Exists("/tmp/escaped-absolute"));
        Assert.Empty(Directory.GetFileSystemEntries(cache.Path));
    }

    [Fact]
    public void ATarLinkIsNotExtracted()
    {
        using var user = new TempFolder();
        using var cache = new TempFolder();
        var tgz = user.File("link.tar.gz");
        using (var gz = new GZipStream(File.Create(tgz), CompressionLevel.Fastest))
        using (var tar = new TarWriter(gz))
            tar.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, "cifar-10-batches-py/test_batch") { LinkName = "/etc/passwd" });
        var source = new DatasetSource("link.tar.gz", "http://127.0.0.1:9/link.tar.gz");
        var e = Assert.Throws<InvalidDataException>(() => ArchiveFolder.Resolve(source, "cifar-10-batches-py", "test_batch", user.Path, cache.Path, TextWriter.Null));
        Assert.Contains("is a SymbolicLink; only folders and regular files are extracted", e.Message);
    }
}
