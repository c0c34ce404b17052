namespace NotebookNN.Datasets.Download;

/// <summary>
/// Finds a dataset file: first in the folder named by <c>NOTEBOOKNN_DATASETS</c> (offline use and CI; hash-checked
/// too, against the known hash or the SHA-256 the folder's <c>STANDINS.sha256</c> lists for a stand-in), then in
/// Keras's cache (<c>$KERAS_HOME/datasets</c> or <c>~/.keras/datasets</c>, hash-checked),
/// else downloads it from Keras's URL into that cache (see <see cref="Downloader"/>).
/// </summary>
public static partial class DatasetCache
{
    /// <summary>The environment variable naming a folder of dataset files looked in before the cache.</summary>
    public const string FolderVariable = "NOTEBOOKNN_DATASETS";

    /// <summary>Keras's cache folder for datasets: <c>$KERAS_HOME/datasets</c>, else <c>~/.keras/datasets</c>.</summary>
    public static string CacheFolder
    {
        get
        {
            var home = Environment.GetEnvironmentVariable("KERAS_HOME");
            if (string.IsNullOrEmpty(home)) home = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".keras");
            return Path.Combine(home, "datasets");
        }
    }

    /// <summary>The local path of the file, downloading it into the cache when it is nowhere yet.</summary>
    public static string GetFile(DatasetSource source) =>
        Resolve(source, Environment.GetEnvironmentVariable(FolderVariable), CacheFolder, Console.Out);

    internal static string Resolve(DatasetSource source, string? userFolder, string cacheFolder, TextWriter log)
    {
        if (!string.IsNullOrEmpty(userFolder))
        {
            var candidate = Path.Combine(userFolder, source.RelativePath);
            if (File.Exists(candidate))
            {
                KnownFile.CheckOffline(candidate, source, userFolder);
                return candidate;
            }
        }
        var cached = Path.Combine(cacheFolder, source.RelativePath);
        if (File.Exists(cached))
        {
            if (FileHash.Matches(cached, source, out var actual)) return cached;
            log.WriteLine($"A local file was found at {cached}, but its {FileHash.Kind(source)} ({actual}) does not match the expected one; downloading it again.");
        }
        Downloader.Download(source, cached, log);
        return cached;
    }

    /// <summary>The message telling where a file can be put by hand.</summary>
    internal static string WhereToPut(DatasetSource source, string cachedPath) =>
        $"Download {source.Url} by hand and save it as {cachedPath}, or put it in a folder named by the {FolderVariable} environment variable (as {source.RelativePath}).";
}
