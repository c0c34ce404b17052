using NotebookNN.Tensors;

namespace NotebookNN.Datasets.Formats;

/// <summary>
/// Reads the IDX format of MNIST / Fashion-MNIST (optionally gzip-compressed): a big-endian header
/// (0, 0, type 0x08 = uint8, number of dimensions, then each dimension) followed by the uint8 values.
/// </summary>
public static class IdxReader
{
    /// <summary>Reads an IDX file (gzip-compressed when the name ends in <c>.gz</c>) as floats 0..255 and its shape.</summary>
    public static (float[] Values, int[] Shape) ReadFile(string path)
    {
        try
        {
            var bytes = File.ReadAllBytes(path);
            return Read(path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? Gzip.Decompress(bytes) : bytes);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw new InvalidDataException($"Could not read '{path}' as an IDX file (truncated or corrupted? delete it to download it again): {e.Message}", e);
        }
    }

    /// <summary>Parses uncompressed IDX bytes.</summary>
    public static (float[] Values, int[] Shape) Read(byte[] b)
    {
        if (b.Length < 4 || b[0] != 0 || b[1] != 0)
            throw new InvalidDataException("Not an IDX file: expected the magic number to start with two zero bytes.");
        if (b[2] != 0x08) throw new InvalidDataException($"Unsupported IDX element type 0x{b[2]:x2}; expected 0x08 (unsigned bytes).");
        int ndim = b[3];
        if (ndim == 0 || b.Length < 4 + 4 * ndim) throw new InvalidDataException($"The IDX header is truncated or has {ndim} dimensions.");
        var shape = new int[ndim];
        for (int i = 0; i < ndim; i++)
        {
            shape[i] = (b[4 + 4 * i] << 24) | (b[5 + 4 * i] << 16) | (b[6 + 4 * i] << 8) | b[7 + 4 * i];
            if (shape[i] < 0) throw new InvalidDataException($"The IDX header has a negative dimension {shape[i]}.");
        }
        if (!Shape.TrySizeOf(shape, out int count))
            throw new InvalidDataException($"The IDX header announces shape ({string.Join(", ", shape)}) = {Shape.ElementCount(shape)} values, more than an array holds.");
        int offset = 4 + 4 * ndim;
        if (b.Length - offset != count)
            throw new InvalidDataException($"The IDX header announces shape ({string.Join(", ", shape)}) = {count} values but the file holds {b.Length - offset}.");
        var values = new float[count];
        for (int i = 0; i < values.Length; i++) values[i] = b[offset + i];
        return (values, shape);
    }
}
