namespace NotebookNN.Datasets.Download;

/// <summary>
/// A list of SHA-256 hashes in <c>sha256sum</c>'s format (<c>&lt;64 hex digits&gt;  &lt;relative path&gt;</c>, one a line,
/// paths with <c>/</c>): the stand-ins declared in a <c>NOTEBOOKNN_DATASETS</c> folder and the record written into a
/// folder extracted from a checked archive.
/// </summary>
internal static class HashList
{
    /// <summary>The hashes listed in <paramref name="listFile"/> by relative path; empty when the file does not exist.</summary>
    public static IReadOnlyDictionary<string, string> Read(string listFile)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(listFile)) return result;
        int number = 0;
        foreach (var line in File.ReadLines(listFile))
        {
            number++;
            if (line.Length == 0) continue;
            // sha256sum writes "<hash>  <name>" (text mode) or "<hash> *<name>" (binary mode)
            if (line.Length < 67 || line[64] != ' ' || line[65] is not (' ' or '*') || !IsHex(line.AsSpan(0, 64)))
                throw new InvalidDataException($"'{listFile}' line {number} is not '<SHA-256 in hex>  <relative path>' (the format sha256sum writes): {line}");
            result[line[66..].Replace('\\', '/')] = line[..64].ToLowerInvariant();
        }
        return result;
    }

    /// <summary>Writes <paramref name="hashes"/> (relative path → SHA-256) in sha256sum's format, sorted by path.</summary>
    public static void Write(string listFile, IReadOnlyDictionary<string, string> hashes) =>
        File.WriteAllLines(listFile, hashes.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Value}  {kv.Key}"));

    private static bool IsHex(ReadOnlySpan<char> s)
    {
        foreach (var c in s) if (!char.IsAsciiHexDigit(c)) return false;
        return true;
    }
}
