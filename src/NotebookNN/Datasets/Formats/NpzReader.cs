using System.IO.Compression;

namespace NotebookNN.Datasets.Formats;

/// <summary>Reads numpy's <c>.npz</c> archives (<c>np.savez</c> / <c>np.savez_compressed</c>: a zip of <c>.npy</c> files).</summary>
public static class NpzReader
{
    /// <summary>All arrays of an <c>.npz</c> file by key (the member name without <c>.npy</c>).</summary>
    public static IReadOnlyDictionary<string, NpyArray> ReadFile(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return Read(stream, path);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException and not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new InvalidDataException($"Could not read '{path}' as a numpy .npz archive (is it truncated or corrupted? delete it to download it again): {e.Message}", e);
        }
    }

    /// <summary>All arrays of an <c>.npz</c> archive read from a stream (<paramref name="name"/> names it in errors).</summary>
    public static IReadOnlyDictionary<string, NpyArray> Read(Stream stream, string name = "the .npz archive")
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        var result = new Dictionary<string, NpyArray>();
        foreach (var entry in zip.Entries)
        {
            if (!entry.FullName.EndsWith(".npy", StringComparison.Ordinal)) continue;
            using var s = CheckedZipEntry.Open(entry, name);
            try { result[entry.FullName[..^4]] = NpyReader.Read(ReadMember(s)); }
            catch (InvalidDataException e) when (!e.Message.StartsWith("File ", StringComparison.Ordinal))
            {
                throw new InvalidDataException($"Member '{entry.FullName}': {e.Message}", e);
            }
        }
        return result;
    }

    /// <summary>
    /// The bytes of a member, checked (length, CRC-32). A numeric array is allocated at the size its header's shape
    /// needs, once that agrees with the archive's directory, so a damaged size field allocates nothing; an object array
    /// (whose size no header gives) grows with the data actually read.
    /// </summary>
    private static byte[] ReadMember(CheckedZipEntry s)
    {
        var prefix = NpyReader.ReadPrefix(s, s.DeclaredLength, out _, out _, out long dataBytes);
        if (dataBytes < 0)
        {
            using var grown = new MemoryStream();
            grown.Write(prefix);
            s.CopyTo(grown);
            return grown.ToArray();
        }
        if (prefix.Length + dataBytes != s.DeclaredLength)
            throw s.Damaged(Invariant($"is {s.DeclaredLength} bytes long, but its .npy header ({prefix.Length} bytes) announces {dataBytes} bytes of data"));
        var bytes = new byte[prefix.Length + dataBytes];
        prefix.CopyTo(bytes, 0);
        s.ReadExactly(bytes.AsSpan(prefix.Length), "the array data");
        s.ReadToEndExpectingNothing("the array data");
        return bytes;
    }

    /// <summary>The array stored under <paramref name="key"/>, with a message listing the keys present when it is missing.</summary>
    public static NpyArray Get(this IReadOnlyDictionary<string, NpyArray> arrays, string key, string file) =>
        arrays.TryGetValue(key, out var a) ? a
            : throw new InvalidDataException($"'{file}' has no array '{key}'. Arrays present: {string.Join(", ", arrays.Keys)}.");
}
