using System.IO.Compression;

namespace NotebookNN.Datasets.Download;

/// <summary>
/// A dataset shipped as a <c>.tar.gz</c> whose content is used as a folder (CIFAR-10's <c>cifar-10-batches-py</c>):
/// looked for in <c>NOTEBOOKNN_DATASETS</c>, then in the cache, else the archive is fetched (hash-checked) and
/// extracted into a temporary folder (<c>{folder}.{pid}.{guid}.part</c>) that is renamed only when extraction completed.
/// </summary>
internal static class ArchiveFolder
{
    public static string Get(DatasetSource archive, string folderName, string markerFile) =>
        Resolve(archive, folderName, markerFile, Environment.GetEnvironmentVariable(DatasetCache.FolderVariable), DatasetCache.CacheFolder, Console.Out);

    internal static string Resolve(DatasetSource archive, string folderName, string markerFile, string? userFolder, string cacheFolder, TextWriter log)
    {
        if (!string.IsNullOrEmpty(userFolder) && File.Exists(Path.Combine(userFolder, folderName, markerFile)))
            return Path.Combine(userFolder, folderName);
        var target = Path.Combine(cacheFolder, folderName);
        if (File.Exists(Path.Combine(target, markerFile))) return target;
        var tarPath = DatasetCache.Resolve(archive, userFolder, cacheFolder, log);
        Files.SideFiles.RemoveStale(target, "", ".part"); // folders that killed extractions left
        var temp = Files.SideFiles.Create(target, "", ".part");
        try
        {
            Directory.CreateDirectory(temp);
            Dictionary<string, string> hashes;
            using (var file = File.OpenRead(tarPath))
            using (var gz = new GZipStream(file, CompressionMode.Decompress))
                hashes = TarExtraction.Extract(gz, temp);
            var inner = Path.Combine(temp, folderName);
            if (!File.Exists(Path.Combine(inner, markerFile)))
                throw new InvalidDataException($"'{tarPath}' does not contain {folderName}/{markerFile}.");
            // what the checked archive held, so the folder's files are checked again whenever they are read
            HashList.Write(Path.Combine(inner, KnownFile.ExtractedRecord), hashes.Where(kv => kv.Key.StartsWith(folderName + "/", StringComparison.Ordinal))
                .ToDictionary(kv => kv.Key[(folderName.Length + 1)..], kv => kv.Value));
            if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
            Directory.Move(inner, target);
            return target;
        }
        catch (Exception e) when (NotebookNN.Datasets.Formats.ArchiveDamage.Is(e))
        {
            throw new InvalidDataException($"Could not extract '{tarPath}' (truncated or corrupted? delete it to download it again): {e.Message}", e);
        }
        finally
        {
            Files.SideFiles.Release(temp);
        }
    }
}
