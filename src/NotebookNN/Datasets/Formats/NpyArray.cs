namespace NotebookNN.Datasets.Formats;

/// <summary>
/// One array read from a <c>.npy</c> file (or a member of a <c>.npz</c>): its numpy dtype string, shape, and either
/// the raw little-endian bytes (numeric dtypes) or the unpickled Python objects (dtype <c>|O</c>).
/// </summary>
public sealed class NpyArray
{
    internal NpyArray(string descr, int[] shape, byte[]? raw, IReadOnlyList<object?>? objects)
    {
        Descr = descr; Shape = shape; Raw = raw; Objects = objects;
    }

    /// <summary>numpy's dtype descriptor, e.g. <c>|u1</c>, <c>&lt;i8</c>, <c>&lt;f8</c>, <c>|O</c>.</summary>
    public string Descr { get; }

    /// <summary>The array's shape.</summary>
    public int[] Shape { get; }

    internal byte[]? Raw { get; }
    internal IReadOnlyList<object?>? Objects { get; }

    /// <summary>Number of elements (product of the shape).</summary>
    public long Length => NpyReader.Count(Shape);

    /// <summary>The values as float32 (uint8, int8, int16/32/64, uint16/32, float32, float64, bool).</summary>
    public float[] ToFloatArray()
    {
        var raw = RequireNumeric();
        var result = new float[Length];
        var reader = NpyElement.For(Descr);
        for (int i = 0; i < result.Length; i++) result[i] = (float)reader(raw, i);
        return result;
    }

    /// <summary>The values as 64-bit integers (integer and bool dtypes; floats must hold whole numbers).</summary>
    public long[] ToInt64Array()
    {
        var raw = RequireNumeric();
        var result = new long[Length];
        var reader = NpyElement.For(Descr);
        for (int i = 0; i < result.Length; i++)
        {
            double v = reader(raw, i);
            if (v != Math.Floor(v)) throw new InvalidDataException(Invariant($"Expected whole numbers in a {Descr} array; element {i} is {v}."));
            result[i] = (long)v;
        }
        return result;
    }

    /// <summary>An object array of Python int lists (as in Keras's imdb.npz / reuters.npz) as int sequences.</summary>
    public int[][] ToSequences()
    {
        if (Objects is null)
            throw new InvalidDataException($"Expected an object array (dtype |O) of integer lists; received dtype {Descr}.");
        var result = new int[Objects.Count][];
        for (int i = 0; i < result.Length; i++)
        {
            if (Objects[i] is not List<object?> list)
                throw new InvalidDataException($"Expected element {i} of the object array to be a list of ints; received {PickleReader.Describe(Objects[i])}.");
            var seq = new int[list.Count];
            for (int j = 0; j < seq.Length; j++)
                seq[j] = list[j] is long v && v is >= int.MinValue and <= int.MaxValue
                    ? (int)v
                    : throw new InvalidDataException($"Expected element {i}[{j}] to be an int; received {PickleReader.Describe(list[j])}.");
            result[i] = seq;
        }
        return result;
    }

    private byte[] RequireNumeric() =>
        Raw ?? throw new InvalidDataException($"Expected a numeric array; received an object array (dtype {Descr}).");
}
