using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using NotebookNN.Datasets;
using NotebookNN.Datasets.Download;

namespace NotebookNN.Tests.Datasets;

/// <summary>The cache and download path against a local HTTP server: success, wrong hash, dropped connection, lookup order.</summary>
public class DownloadTests
{
    private static readonly byte[] Payload = Enumerable.Range(0, 300_000).Select(i => (byte)(i * 7 + i / 1000)).ToArray();
    private static string Sha(byte[] b) => Convert.ToHexStringLower(SHA256.HashData(b));

    [Fact]
    public void DownloadsIntoTheCacheWithProgressAndHashCheck()
    {
        using var server = new LocalHttpServer(Payload);
        using var cache = new TempFolder();
        var log = new StringWriter();
        var source = new DatasetSource("data.bin", server.Url("data.bin"), Sha256: Sha(Payload));
        var path = DatasetCache.Resolve(source, null, cache.Path, log);
        Assert.Equal(Path.Combine(cache.Path, "data.bin"), path);
        Assert.Equal(Payload, File.ReadAllBytes(path));
        Assert.Equal(["data.bin"], Directory.GetFiles(cache.Path).Select(Path.GetFileName));
        Assert.Contains($"Downloading data from {server.Url("data.bin")}", log.ToString());
        Assert.Contains("300000/300000 [==============================] 100%", log.ToString());

        // A second call uses the verified cached copy without a request.
        int before = server.Requests;
        Assert.Equal(path, DatasetCache.Resolve(source, null, cache.Path, log));
        Assert.Equal(before, server.Requests);
    }

    [Fact]
    public void WrongHashLeavesNothingAndNamesUrlFileAndWhereToPutIt()
    {
        using var server = new LocalHttpServer(Payload);
        using var cache = new TempFolder();
        var source = new DatasetSource("data.bin", server.Url("data.bin"), Sha256: new string('0', 64));
        var e = Assert.Throws<IOException>(() => DatasetCache.Resolve(source, null, cache.Path, TextWriter.Null));
        Assert.Contains(server.Url("data.bin"), e.Message);
        Assert.Contains("'data.bin'", e.Message);
        Assert.Contains(Path.Combine(cache.Path, "data.bin"), e.Message);
        Assert.Contains("NOTEBOOKNN_DATASETS", e.Message);
        Assert.Contains(Sha(Payload), e.Message);
        Assert.Empty(Directory.GetFileSystemEntries(cache.Path));
    }

    [Fact]
    public void ConnectionDroppedHalfwayLeavesNothingPartial()
    {
        using var server = new LocalHttpServer(Payload) { DropAfter = Payload.Length / 2 };
        using var cache = new TempFolder();
        var source = new DatasetSource("data.bin", server.Url("data.bin"), Sha256: Sha(Payload));
        var e = Assert.Throws<IOException>(() => DatasetCache.Resolve(source, null, cache.Path, TextWriter.Null));
        Assert.Contains(server.Url("data.bin"), e.Message);
        Assert.Empty(Directory.GetFileSystemEntries(cache.Path));
    }

    [Fact]
    public void HttpErrorIsReported()
    {
        using var server = new LocalHttpServer([]) { Status = 404 };
        using var cache = new TempFolder();
        var e = Assert.Throws<IOException>(() => DatasetCache.Resolve(new("x.npz", server.Url("x.npz")), null, cache.Path, TextWriter.Null));
        Assert.Contains("404", e.Message);
        Assert.Empty(Directory.GetFileSystemEntries(cache.Path));
    }

    [Fact]
    public void UserFolderComesFirstAndBadCachedCopyIsReplaced()
    {
        using var server = new LocalHttpServer(Payload);
        using var user = new TempFolder();
        using var cache = new TempFolder();
        var source = new DatasetSource("data.bin", server.Url("data.bin"), Sha256: Sha(Payload), Subfolder: "sub");
        Directory.CreateDirectory(Path.Combine(user.Path, "sub"));
        File.WriteAllBytes(Path.Combine(user.Path, "sub", "data.bin"), Payload); // checked too (OfflineFileCheckTests)
        Assert.Equal(Path.Combine(user.Path, "sub", "data.bin"), DatasetCache.Resolve(source, user.Path, cache.Path, TextWriter.Null));
        Assert.Equal(0, server.Requests);

        Directory.CreateDirectory(Path.Combine(cache.Path, "sub"));
        File.WriteAllBytes(Path.Combine(cache.Path, "sub", "data.bin"), [9, 9]);
        var log = new StringWriter();
        var path = DatasetCache.Resolve(source, null, cache.Path, log);
        Assert.Equal(Payload, File.ReadAllBytes(path));
        Assert.Contains("does not match", log.ToString());
    }

    [Fact]
    public void CifarArchiveIsDownloadedExtractedAndLoaded()
    {
        var bytes = DataFixtures.CifarArchive();
        using var server = new LocalHttpServer(bytes);
        using var cache = new TempFolder();
        var archive = new DatasetSource("cifar-10-python.tar.gz", server.Url("cifar-10-python.tar.gz"), Sha256: Sha(bytes));
        var folder = ArchiveFolder.Resolve(archive, "cifar-10-batches-py", "test_batch", null, cache.Path, TextWriter.Null);
        Assert.Equal(Path.Combine(cache.Path, "cifar-10-batches-py"), folder);
        var ((x, y), _) = Cifar10.LoadFrom(folder);
        Assert.Equal(new Shape(15, 32, 32, 3), x.Shape);
        Assert.Equal(["cifar-10-batches-py", "cifar-10-python.tar.gz"], Directory.GetFileSystemEntries(cache.Path).Select(Path.GetFileName).Order());
    }
}
