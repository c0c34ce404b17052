using System.Text.Json;

namespace NotebookNN.Tests.Datasets;

/// <summary>Paths of the checked-in data fixtures (Fixtures/datasets, made by the scripts beside them) and temp folders.</summary>
internal static class DataFixtures
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "Fixtures", "datasets");
            if (Directory.Exists(candidate)) return candidate;
            candidate = System.IO.Path.Combine(dir.FullName, "tests", "NotebookNN.Tests", "Fixtures", "datasets");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("tests/NotebookNN.Tests/Fixtures/datasets not found above the test binaries.");
    });

    public static string Path(string relative) => System.IO.Path.Combine(Root.Value, relative);

    /// <summary>The fixture batches packed as Keras's cifar-10-python.tar.gz packs CIFAR's (cifar-10-batches-py/...).</summary>
    public static byte[] CifarArchive()
    {
        var tgz = new MemoryStream();
        using (var gz = new System.IO.Compression.GZipStream(tgz, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new System.Formats.Tar.TarWriter(gz))
            foreach (var f in Directory.GetFiles(Path("cifar-10-batches-py")))
                tar.WriteEntry(f, "cifar-10-batches-py/" + System.IO.Path.GetFileName(f));
        return tgz.ToArray();
    }

    /// <summary>SHA-256 in lowercase hex, as dataset sources and stand-in lists give it.</summary>
    public static string Sha(byte[] bytes) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));

    private static readonly Lazy<JsonElement> Shuffle = new(() => JsonDocument.Parse(File.ReadAllText(Path("numpy_shuffle.json"))).RootElement);

    /// <summary>numpy_shuffle.json (make_numpy_shuffle_fixture.py).</summary>
    public static JsonElement NumpyShuffle => Shuffle.Value;

    public static int[] Ints(this JsonElement e) => e.EnumerateArray().Select(v => v.GetInt32()).ToArray();
    public static int[][] Sequences(this JsonElement e) => e.EnumerateArray().Select(Ints).ToArray();
}

/// <summary>A temporary folder deleted at the end of a test.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "nnn-test-" + Guid.NewGuid().ToString("N"));
    public TempFolder() => Directory.CreateDirectory(Path);
    public string File(string name) => System.IO.Path.Combine(Path, name);
    public void Dispose() { try { Directory.Delete(Path, recursive: true); } catch (IOException) { } }
}
