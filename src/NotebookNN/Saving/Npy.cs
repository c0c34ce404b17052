using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using NotebookNN.Datasets.Formats;
using NotebookNN.Tensors;

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

    /// <summary>
    /// Reads the header of an entry: its shape, checked (each dimension an int, the size within one array) and matched
    /// against the entry's length in the archive's directory, so nothing is allocated on the word of a damaged header.
    /// </summary>
    public static int[] ReadHeader(CheckedZipEntry stream)
    {
        Span<byte> prefix = stackalloc byte[10];
        stream.ReadExactly(prefix, "the .npy header");
        if (!prefix[..6].SequenceEqual(Magic)) throw stream.Damaged("is not a .npy array (bad magic bytes)");
        if (prefix[6] != 1) throw stream.Damaged(Invariant($"has an unsupported .npy version {prefix[6]}.{prefix[7]}"));
        int headerLen = BinaryPrimitives.ReadUInt16LittleEndian(prefix[8..]);
        var headerBytes = new byte[headerLen];
        stream.ReadExactly(headerBytes, "the .npy header");
        var header = Encoding.ASCII.GetString(headerBytes);
        var match = HeaderPattern().Match(header);
        if (!match.Success || header.Contains("'fortran_order': True"))
            throw stream.Damaged($"is not a C-order little-endian float32 .npy array. Header: {header.Trim()}");
        var parts = match.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var dims = new int[parts.Length];
        for (int i = 0; i < dims.Length; i++)
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out dims[i]))
                throw stream.Damaged($"has a .npy shape '({match.Groups[1].Value})' whose dimension '{parts[i]}' is not a size (0 to {int.MaxValue})");
        if (!Shape.TrySizeOf(dims, out int size))
            throw stream.Damaged($"has a .npy shape ({match.Groups[1].Value}) of {Shape.ElementCount(dims)} values, more than an array holds ({Array.MaxLength})");
        long expected = 10L + headerLen + 4L * size;
        if (stream.DeclaredLength != expected)
            throw stream.Damaged(Invariant($"is {stream.DeclaredLength} bytes long, but its .npy shape {Shape.Format(dims)} makes {expected}"));
        return dims;
    }

    /// <summary>Reads the data that follows the header straight into <paramref name="destination"/>, then checks the entry's end.</summary>
    public static void ReadData(CheckedZipEntry stream, Span<float> destination)
    {
        var bytes = MemoryMarshal.AsBytes(destination);
        stream.ReadExactly(bytes, "the array data");
        if (!BitConverter.IsLittleEndian)
            for (int i = 0; i < destination.Length; i++)
                destination[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.Slice(4 * i, 4));
        stream.ReadToEndExpectingNothing("the array data");
    }

    [GeneratedRegex(@"'descr':\s*'<f4'.*'shape':\s*\(([0-9,\s]*)\)")]
    private static partial Regex HeaderPattern();
}
