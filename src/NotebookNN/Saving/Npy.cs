using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace NotebookNN.Saving;

/// <summary>
/// numpy's <c>.npy</c> format, version 1.0, for little-endian float32 arrays (<c>np.load</c> reads our entries):
/// the magic <c>\x93NUMPY</c>, version bytes 1 0, a 2-byte header length, a Python-dict header padded with
/// spaces to a multiple of 64 bytes and ending in a newline, then the C-order data.
/// </summary>
internal static partial class Npy
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    public static void Write(Stream stream, Tensor tensor)
    {
        var t = tensor.Contiguous();
        string shape = t.NDim switch { 0 => "()", 1 => $"({t.Dims[0]},)", _ => "(" + string.Join(", ", t.Dims) + ")" };
        var header = $"{{'descr': '<f4', 'fortran_order': False, 'shape': {shape}, }}";
        int total = 10 + header.Length + 1;
        header = header.PadRight(header.Length + (64 - total % 64) % 64) + "\n";
        stream.Write(Magic);
        stream.Write([1, 0]);
        Span<byte> len = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(len, (ushort)header.Length);
        stream.Write(len);
        stream.Write(Encoding.ASCII.GetBytes(header));
        var bytes = new byte[t.Size * 4];
        var span = t.Span;
        for (int i = 0; i < span.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), span[i]);
        stream.Write(bytes);
    }

    /// <summary>Reads a float32 array; <paramref name="entry"/> names it in errors about a damaged file.</summary>
    public static Tensor Read(Stream stream, string entry)
    {
        using var ms = new MemoryStream();
        stream.CopyTo(ms);
        var data = ms.ToArray();
        if (data.Length < 10 || !data.AsSpan(0, 6).SequenceEqual(Magic))
            throw new InvalidDataException($"Entry '{entry}' is not a .npy array (bad magic bytes).");
        int headerLen = BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(8));
        if (data[6] != 1 || 10 + headerLen > data.Length)
            throw new InvalidDataException($"Entry '{entry}' has an unsupported .npy version or a truncated header.");
        var header = Encoding.ASCII.GetString(data, 10, headerLen);
        var match = HeaderPattern().Match(header);
        if (!match.Success || header.Contains("'fortran_order': True"))
            throw new InvalidDataException($"Entry '{entry}' is not a C-order little-endian float32 .npy array. Header: {header.Trim()}");
        var dims = match.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => int.Parse(d, CultureInfo.InvariantCulture)).ToArray();
        long count = dims.Aggregate(1L, (a, b) => a * b);
        int start = 10 + headerLen;
        if (data.Length - start != count * 4)
            throw new InvalidDataException($"Entry '{entry}' is truncated: shape {Shape.Format(dims)} needs {count * 4} bytes of data, found {data.Length - start}.");
        var values = new float[count];
        for (int i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadSingleLittleEndian(data.AsSpan(start + i * 4));
        return Tensor.Adopt(values, dims);
    }

    [GeneratedRegex(@"'descr':\s*'<f4'.*'shape':\s*\(([0-9,\s]*)\)")]
    private static partial Regex HeaderPattern();
}
