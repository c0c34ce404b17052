using System.Formats.Tar;
using System.Security.Cryptography;

namespace NotebookNN.Datasets.Download;

/// <summary>
/// Extracts a tar stream into a folder, file by file, hashing each file as it is written (the record of what a checked
/// archive held, so its contents can be checked whenever they are read). Only folders and regular files are extracted,
/// and only inside the folder: an entry named with <c>..</c> or an absolute path, or a link, is a damaged or hostile
/// archive and ends extraction with an <see cref="InvalidDataException"/> naming it.
/// </summary>
internal static class TarExtraction
{
    /// <summary>Extracts <paramref name="tar"/> into <paramref name="folder"/>; returns each file's SHA-256 by its path relative to it (with <c>/</c>).</summary>
    public static Dictionary<string, string> Extract(Stream tar, string folder)
    {
        var root = Path.GetFullPath(folder);
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = new TarReader(tar);
        for (TarEntry? entry; (entry = reader.GetNextEntry()) is not null;)
        {
            var name = entry.Name.Replace('\\', '/').TrimEnd('/');
            var target = Path.GetFullPath(Path.Combine(root, name));
            if (name.Length == 0 || Path.IsPathRooted(name) || name.Split('/').Contains("..") || !target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                throw new InvalidDataException($"The archive's entry '{entry.Name}' would be written outside the folder it is extracted into.");
            switch (entry.EntryType)
            {
                case TarEntryType.Directory:
                    Directory.CreateDirectory(target);
                    break;
                case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    hashes[name] = WriteFile(entry.DataStream, target);
                    break;
                default:
                    throw new InvalidDataException($"The archive's entry '{entry.Name}' is a {entry.EntryType}; only folders and regular files are extracted.");
            }
        }
        return hashes;
    }

    private static string WriteFile(Stream? data, string target)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write);
        if (data is not null)
        {
            var buffer = new byte[1 << 16];
            for (int n; (n = data.Read(buffer)) > 0;)
            {
                sha.AppendData(buffer, 0, n);
                output.Write(buffer, 0, n);
            }
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
