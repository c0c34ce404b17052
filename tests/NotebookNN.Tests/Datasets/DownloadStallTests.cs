using Microsoft.DotNet.Interactive.Formatting;
using System.Diagnostics;
using System.Security.Cryptography;
using NotebookNN.Callbacks;
using NotebookNN.Datasets.Download;
using NotebookNN.Formatting;
using NotebookNN.Display;

namespace NotebookNN.Tests.Datasets;

/// <summary>
/// Downloads against a loopback server that stalls: they fail after the stall timeout with a message and leave no
/// partial file; a slow download that keeps moving is not cut; partial files of killed runs are removed; a mirror
/// replaces the origin; in a notebook the progress is one display updated in place.
/// </summary>
public sealed class DownloadStallTests : IDisposable
{
    private static readonly byte[] Payload = Enumerable.Range(0, 300_000).Select(i => (byte)(i * 13 + i / 777)).ToArray();
    private static string Sha(byte[] b) => Convert.ToHexStringLower(SHA256.HashData(b));
    private readonly TempFolder _cache = new();

    public void Dispose()
    {
        DatasetCache.DownloadTimeout = null;
        DatasetCache.Origin = null;
        DisplayHook.Display = null;
        _cache.Dispose();
    }

    /// <summary>Runs a download on another thread, giving up on it (failing the test) after a minute.</summary>
    private static (Exception? Error, double Seconds) Bounded(Action download)
    {
        var clock = Stopwatch.StartNew();
        var task = Task.Factory.StartNew(download, TaskCreationOptions.LongRunning);
        Assert.True(((IAsyncResult)task).AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(60)), "the download still hangs after 60 s");
        return (task.Exception?.InnerException, clock.Elapsed.TotalSeconds);
    }

    [Theory]
    [InlineData(100_000)] // mid-body: headers and a third of the file, then silence
    [InlineData(-1)]      // before the headers
    public void AStalledServerFailsTheDownloadAfterTheTimeoutAndLeavesNoPartialFile(int stallAfter)
    {
        using var server = new LocalHttpServer(Payload) { StallAfter = stallAfter };
        DatasetCache.DownloadTimeout = TimeSpan.FromSeconds(1.5);
        var source = new DatasetSource("boston_housing.npz", server.Url("boston_housing.npz"), Sha256: Sha(Payload));
        var (error, seconds) = Bounded(() => DatasetCache.Resolve(source, null, _cache.Path, TextWriter.Null));
        var e = Assert.IsType<IOException>(error);
        Assert.StartsWith($"Could not download 'boston_housing.npz' from {server.Url("boston_housing.npz")}: no data arrived for 1.5 seconds", e.Message);
        Assert.Contains("NOTEBOOKNN_DOWNLOAD_TIMEOUT", e.Message);
        Assert.Contains("NOTEBOOKNN_DATASETS_ORIGIN", e.Message);
        Assert.Empty(Directory.GetFileSystemEntries(_cache.Path));
        Console.WriteLine(FormattableString.Invariant($"stalled download (stall after {stallAfter} bytes) failed after {seconds:0.00} s"));
    }

    [Fact]
    public void ASlowDownloadThatKeepsMovingIsNotCut()
    {
        // 12 pieces 0.25 s apart: about 2.75 s in all, longer than the 1.5 s allowed for silence.
        using var server = new LocalHttpServer(Payload) { Chunks = 12, ChunkDelay = TimeSpan.FromSeconds(0.25) };
        DatasetCache.DownloadTimeout = TimeSpan.FromSeconds(1.5);
        var source = new DatasetSource("data.bin", server.Url("data.bin"), Sha256: Sha(Payload));
        string? path = null;
        var (error, _) = Bounded(() => path = DatasetCache.Resolve(source, null, _cache.Path, TextWriter.Null));
        Assert.Null(error);
        Assert.Equal(Payload, File.ReadAllBytes(path!));
    }

    [Fact]
    public void PartialFilesOfKilledRunsAreRemovedByTheNextDownload()
    {
        using var server = new LocalHttpServer(Payload);
        var dead = _cache.File($"data.bin.{int.MaxValue}.{Guid.NewGuid():N}.part");        // its process is gone
        var legacy = _cache.File($"data.bin.{Guid.NewGuid():N}.part");                      // an older version's, long untouched
        var running = _cache.File($"data.bin.{Environment.ProcessId}.{Guid.NewGuid():N}.part"); // a download running now
        var other = _cache.File($"mnist.npz.{int.MaxValue}.{Guid.NewGuid():N}.part");      // another file's
        foreach (var f in new[] { dead, legacy, running, other }) File.WriteAllBytes(f, [1, 2]);
        File.SetLastWriteTimeUtc(legacy, DateTime.UtcNow.AddHours(-2));
        DatasetCache.Resolve(new DatasetSource("data.bin", server.Url("data.bin"), Sha256: Sha(Payload)), null, _cache.Path, TextWriter.Null);
        Assert.Equal(["data.bin", Path.GetFileName(running), Path.GetFileName(other)],
            Directory.GetFiles(_cache.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void FoldersOfKilledExtractionsAreRemovedToo()
    {
        var target = _cache.File("cifar-10-batches-py");
        var dead = _cache.File($"cifar-10-batches-py.{int.MaxValue}.{Guid.NewGuid():N}.part");
        var running = _cache.File($"cifar-10-batches-py.{Environment.ProcessId}.{Guid.NewGuid():N}.part");
        foreach (var d in new[] { dead, running }) File.WriteAllBytes(Path.Combine(Directory.CreateDirectory(d).FullName, "data_batch_1"), [1]);
        Assert.Equal(1, NotebookNN.Files.SideFiles.RemoveStale(target, "", ".part"));
        Assert.False(Directory.Exists(dead));
        Assert.True(Directory.Exists(running));
    }

    [Fact]
    public void AMirrorReplacesTheOriginBySettingOrEnvironmentVariable()
    {
        using var server = new LocalHttpServer(Payload);
        // The file's own origin is a closed loopback port: only the mirror can serve it.
        var source = new DatasetSource("mnist.npz", "http://127.0.0.1:9/tensorflow/tf-keras-datasets/mnist.npz", Sha256: Sha(Payload));
        var mirror = server.Url("mirror/");

        DatasetCache.Origin = mirror;
        var log = new StringWriter();
        var path = DatasetCache.Resolve(source, null, _cache.Path, log);
        Assert.Equal(Payload, File.ReadAllBytes(path));
        Assert.StartsWith($"Downloading data from {mirror}mnist.npz", log.ToString());

        DatasetCache.Origin = null;
        File.Delete(path);
        Environment.SetEnvironmentVariable(DatasetCache.OriginVariable, mirror.TrimEnd('/'));
        try
        {
            log = new StringWriter();
            DatasetCache.Resolve(source, null, _cache.Path, log);
            Assert.StartsWith($"Downloading data from {mirror}mnist.npz", log.ToString());
            Environment.SetEnvironmentVariable(DatasetCache.OriginVariable, "ftp://example/");
            File.Delete(path);
            var e = Assert.Throws<ArgumentException>(() => DatasetCache.Resolve(source, null, _cache.Path, TextWriter.Null));
            Assert.Equal("The datasets' mirror must be an http:// or https:// URL. Received: 'ftp://example/' (from NOTEBOOKNN_DATASETS_ORIGIN).", e.Message);
        }
        finally { Environment.SetEnvironmentVariable(DatasetCache.OriginVariable, null); }
    }

    [Fact]
    public void TheTimeoutComesFromTheEnvironmentAndBadValuesAreRefused()
    {
        using var server = new LocalHttpServer(Payload) { StallAfter = 1000 };
        var source = new DatasetSource("data.bin", server.Url("data.bin"));
        try
        {
            Environment.SetEnvironmentVariable(DatasetCache.TimeoutVariable, "0.5");
            var (error, _) = Bounded(() => DatasetCache.Resolve(source, null, _cache.Path, TextWriter.Null));
            Assert.Contains("no data arrived for 0.5 seconds", Assert.IsType<IOException>(error).Message);
            Environment.SetEnvironmentVariable(DatasetCache.TimeoutVariable, "soon");
            var e = Assert.Throws<ArgumentException>(() => DatasetCache.Resolve(source, null, _cache.Path, TextWriter.Null));
            Assert.Equal("NOTEBOOKNN_DOWNLOAD_TIMEOUT must be a positive number of seconds. Received: 'soon'", e.Message);
        }
        finally { Environment.SetEnvironmentVariable(DatasetCache.TimeoutVariable, null); }
        Assert.Throws<ArgumentOutOfRangeException>(() => DatasetCache.DownloadTimeout = TimeSpan.Zero);
        Assert.Empty(Directory.GetFileSystemEntries(_cache.Path));
    }

    [Fact]
    public void InANotebookTheProgressIsOneDisplayUpdatedInPlace()
    {
        using var server = new LocalHttpServer(Payload) { Chunks = 6, ChunkDelay = TimeSpan.FromSeconds(0.3) };
        var shown = new List<object>();
        var updates = new List<object>();
        DisplayHook.Display = v => { shown.Add(v); return updates.Add; };
        var console = Console.Out;
        var captured = new StringWriter();
        Console.SetOut(captured);
        try { DatasetCache.Resolve(new DatasetSource("data.bin", server.Url("data.bin")), null, _cache.Path, Console.Out); }
        finally { Console.SetOut(console); }

        Assert.Single(shown);
        Assert.Equal("", captured.ToString()); // nothing printed beside the display
        Assert.InRange(updates.Count, 2, 12); // throttled: a few redraws, not one per chunk read
        var last = Assert.IsType<DownloadView>(updates[^1]);
        Assert.Equal($"Downloading data from {server.Url("data.bin")}\n300000/300000 [==============================] 100%", last.Text);
        Assert.Contains("<progress max=\"100\" value=\"100\"", last.ToDisplayString("text/html"));
        Assert.Contains(System.Net.WebUtility.HtmlEncode(server.Url("data.bin")), last.ToDisplayString("text/html"));
    }
}
