using System.Security.Cryptography;

namespace NotebookNN.Datasets.Download;

/// <summary>Hash checks of downloaded files (SHA-256 or MD5 as Keras's <c>get_file</c> does).</summary>
internal static class FileHash
{
    /// <summary>True when the file matches the source's hash (or the source has none).</summary>
    public static bool Matches(string path, DatasetSource source, out string actual)
    {
        actual = "";
        if (source.Sha256 is null && source.Md5 is null) return true;
        actual = Compute(path, Kind(source));
        return string.Equals(actual, source.Sha256 ?? source.Md5, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The file's hash of <paramref name="kind"/> ("SHA-256" or "MD5") in lowercase hex.</summary>
    public static string Compute(string path, string kind)
    {
        using var stream = File.OpenRead(path);
        using HashAlgorithm algorithm = kind == "MD5" ? MD5.Create() : SHA256.Create();
        return Convert.ToHexStringLower(algorithm.ComputeHash(stream));
    }

    public static string Kind(DatasetSource source) => source.Sha256 is not null ? "SHA-256" : "MD5";
}
