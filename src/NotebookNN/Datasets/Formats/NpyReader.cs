using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NotebookNN.Tensors;

namespace NotebookNN.Datasets.Formats;

/// <summary>Reads numpy's <c>.npy</c> format (versions 1–3): magic, a Python-dict header, then the data.</summary>
public static partial class NpyReader
{
    private static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Reads a <c>.npy</c> file.</summary>
    public static NpyArray ReadFile(string path)
    {
        try { return Read(File.ReadAllBytes(path)); }
        catch (InvalidDataException e) { throw new InvalidDataException($"Could not read '{path}': {e.Message}", e); }
    }

    /// <summary>Parses the bytes of a <c>.npy</c> file.</summary>
    public static NpyArray Read(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        var prefix = ReadPrefix(stream, bytes.Length, out var descr, out var shape, out long need);
        int dataStart = prefix.Length;
        if (descr == "|O")
        {
            long count = Count(shape);
            var objects = PickleReader.LoadObjectArray(bytes.AsSpan(dataStart).ToArray());
            if (objects.Count != count) throw new InvalidDataException($"The pickled object array holds {objects.Count} elements; the header's shape {FormatShape(shape)} needs {count}.");
            return new NpyArray(descr, shape, null, objects);
        }
        long have = bytes.Length - dataStart;
        if (have < need) throw new InvalidDataException($"The .npy data is truncated: shape {FormatShape(shape)} of {descr} needs {need} bytes, found {have}.");
        return new NpyArray(descr, shape, bytes.AsSpan(dataStart, (int)need).ToArray(), null);
    }

    /// <summary>
    /// Reads the magic, version and header from <paramref name="s"/> (a file or member of <paramref name="length"/>
    /// bytes) and returns those bytes, with the dtype, the shape (checked: every dimension an int, the element count
    /// within one array) and the size of the data they need (-1 for an object array, whose size no header gives).
    /// </summary>
    internal static byte[] ReadPrefix(Stream s, long length, out string descr, out int[] shape, out long dataBytes)
    {
        var start = new byte[12];
        Fill(s, start.AsSpan(0, 10));
        if (!start.AsSpan(0, 6).SequenceEqual(Magic)) throw new InvalidDataException("Not a .npy file: expected the magic bytes \\x93NUMPY at the start.");
        int lenSize = start[6] == 1 ? 2 : start[6] is 2 or 3 ? 4 : throw new InvalidDataException($"Unsupported .npy format version {start[6]}.{start[7]}; expected 1, 2 or 3.");
        if (lenSize == 4) Fill(s, start.AsSpan(10, 2));
        long headerLen = lenSize == 2 ? BinaryPrimitives.ReadUInt16LittleEndian(start.AsSpan(8)) : BinaryPrimitives.ReadUInt32LittleEndian(start.AsSpan(8));
        int at = 8 + lenSize;
        if (at + headerLen > length) throw new InvalidDataException($"The .npy file is truncated: its header needs {headerLen} bytes, {length - at} remain.");
        var prefix = new byte[at + headerLen];
        start.AsSpan(0, at).CopyTo(prefix);
        Fill(s, prefix.AsSpan(at));
        (descr, var fortran, shape) = ParseHeader((start[6] == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(prefix, at, (int)headerLen));
        if (fortran && shape.Length > 1) throw new InvalidDataException("Fortran-ordered .npy arrays are not supported; save with np.ascontiguousarray first.");
        dataBytes = descr == "|O" ? -1 : (long)Count(shape) * NpyElement.ItemSize(descr);
        return prefix;
    }

    private static void Fill(Stream s, Span<byte> buffer)
    {
        try { s.ReadExactly(buffer); }
        catch (EndOfStreamException) { throw new InvalidDataException("The .npy file is truncated inside its header."); }
    }

    /// <summary>The number of elements of a shape read from a file, refused when no array can hold them.</summary>
    internal static int Count(int[] shape) => Shape.TrySizeOf(shape, out int n) ? n
        : throw new InvalidDataException($"The .npy shape {FormatShape(shape)} has {Shape.ElementCount(shape)} elements, more than an array holds ({Array.MaxLength}).");

    internal static (string Descr, bool Fortran, int[] Shape) ParseHeader(string header)
    {
        var d = DescrRegex().Match(header);
        var f = FortranRegex().Match(header);
        var s = ShapeRegex().Match(header);
        if (!d.Success || !f.Success || !s.Success)
            throw new InvalidDataException($"Malformed .npy header (expected 'descr', 'fortran_order' and 'shape'): {header.Trim()}");
        var shape = s.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => int.TryParse(p.TrimEnd('L'), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v
                : throw new InvalidDataException($"Malformed .npy shape '({s.Groups[1].Value})'.")).ToArray();
        return (d.Groups[1].Value, f.Groups[1].Value == "True", shape);
    }

    internal static string FormatShape(int[] shape) => shape.Length == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape)})";

    [GeneratedRegex(@"'descr'\s*:\s*'([^']*)'")] private static partial Regex DescrRegex();
    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")] private static partial Regex FortranRegex();
    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")] private static partial Regex ShapeRegex();
}
