using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

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
        if (bytes.Length < 10 || !bytes.AsSpan(0, 6).SequenceEqual(Magic))
            throw new InvalidDataException("Not a .npy file: expected the magic bytes \\x93NUMPY at the start.");
        int major = bytes[6];
        int headerLenSize = major == 1 ? 2 : major is 2 or 3 ? 4 : throw new InvalidDataException($"Unsupported .npy format version {major}.{bytes[7]}; expected 1, 2 or 3.");
        if (bytes.Length < 8 + headerLenSize) throw new InvalidDataException("The .npy file is truncated inside its header.");
        long headerLen = headerLenSize == 2 ? BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8)) : BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8));
        int start = 8 + headerLenSize;
        if (start + headerLen > bytes.Length) throw new InvalidDataException($"The .npy file is truncated: its header needs {headerLen} bytes, {bytes.Length - start} remain.");
        var header = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(bytes, start, (int)headerLen);
        var (descr, fortran, shape) = ParseHeader(header);
        if (fortran && shape.Length > 1) throw new InvalidDataException("Fortran-ordered .npy arrays are not supported; save with np.ascontiguousarray first.");
        int dataStart = start + (int)headerLen;
        long count = shape.Aggregate(1L, (a, b) => a * b);
        if (descr == "|O")
        {
            var objects = PickleReader.LoadObjectArray(bytes.AsSpan(dataStart).ToArray());
            if (objects.Count != count) throw new InvalidDataException($"The pickled object array holds {objects.Count} elements; the header's shape {FormatShape(shape)} needs {count}.");
            return new NpyArray(descr, shape, null, objects);
        }
        long need = count * NpyElement.ItemSize(descr);
        long have = bytes.Length - dataStart;
        if (have < need) throw new InvalidDataException($"The .npy data is truncated: shape {FormatShape(shape)} of {descr} needs {need} bytes, found {have}.");
        return new NpyArray(descr, shape, bytes.AsSpan(dataStart, (int)need).ToArray(), null);
    }

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
