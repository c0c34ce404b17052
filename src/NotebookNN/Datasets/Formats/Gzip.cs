using System.Buffers.Binary;
using System.IO.Compression;

namespace NotebookNN.Datasets.Formats;

/// <summary>
/// Decompresses a whole gzip file and checks its trailer (CRC-32 and length of the data): .NET's GZipStream stops
/// quietly at the end of a truncated file, so a cut download would otherwise read as a shorter, valid-looking file.
/// </summary>
internal static class Gzip
{
    public static byte[] Decompress(byte[] compressed)
    {
        if (compressed.Length < 18 || compressed[0] != 0x1f || compressed[1] != 0x8b)
            throw new InvalidDataException("Not a gzip file (expected the magic bytes 1f 8b and a complete header).");
        using var gz = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var ms = new MemoryStream();
        gz.CopyTo(ms);
        var data = ms.ToArray();
        uint crc = BinaryPrimitives.ReadUInt32LittleEndian(compressed.AsSpan(compressed.Length - 8));
        uint size = BinaryPrimitives.ReadUInt32LittleEndian(compressed.AsSpan(compressed.Length - 4));
        if (size != (uint)data.Length || crc != Crc32.Compute(data))
            throw new InvalidDataException($"The gzip data is truncated or corrupted: its trailer announces {size} bytes with CRC-32 {crc:x8}, decompression gave {data.Length} bytes.");
        return data;
    }
}
