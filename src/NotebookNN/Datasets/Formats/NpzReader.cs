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
            return Read(stream);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException and not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new InvalidDataException($"Could not read '{path}' as a numpy .npz archive (is it truncated or corrupted? delete it to download it again): {e.Message}", e);
        }
    }

    /// <summary>All arrays of an <c>.npz</c> archive read from a stream.</summary>
    public static IReadOnlyDictionary<string, NpyArray> Read(Stream stream)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        var result = new Dictionary<string, NpyArray>();
        foreach (var entry in zip.Entries)
        {
            if (!entry.FullName.EndsWith(".npy", StringComparison.Ordinal)) continue;
            using var s = entry.Open();
            using var ms = new MemoryStream((int)Math.Min(entry.Length, 1 << 28));
            s.CopyTo(ms);
            if (ms.Length != entry.Length)
                throw new InvalidDataException($"Member '{entry.FullName}' is truncated: {ms.Length} of {entry.Length} bytes.");
            if (Crc32.Compute(ms.GetBuffer().AsSpan(0, (int)ms.Length)) != entry.Crc32)
                throw new InvalidDataException($"Member '{entry.FullName}' is corrupted: its CRC-32 does not match the archive's.");
            try { result[entry.FullName[..^4]] = NpyReader.Read(ms.ToArray()); }
            catch (InvalidDataException e) { throw new InvalidDataException($"Member '{entry.FullName}': {e.Message}", e); }
        }
        return result;
    }

    /// <summary>The array stored under <paramref name="key"/>, with a message listing the keys present when it is missing.</summary>
    public static NpyArray Get(this IReadOnlyDictionary<string, NpyArray> arrays, string key, string file) =>
        arrays.TryGetValue(key, out var a) ? a
            : throw new InvalidDataException($"'{file}' has no array '{key}'. Arrays present: {string.Join(", ", arrays.Keys)}.");
}
