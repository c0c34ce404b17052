namespace NotebookNN.Datasets.Formats;

/// <summary>
/// Reads one CIFAR-10 Python batch (<c>data_batch_1</c> … <c>test_batch</c>): a Python 2 pickle of a dict with
/// <c>data</c> (uint8 array N × 3072, channels first) and <c>labels</c> (list of ints).
/// </summary>
public static class CifarBatch
{
    /// <summary>Reads a batch as channels-last pixels (N, 32, 32, 3) flattened, and its labels.</summary>
    public static (float[] Pixels, int Count, float[] Labels) ReadFile(string path)
    {
        try { return Read(File.ReadAllBytes(path)); }
        catch (InvalidDataException e) { throw new InvalidDataException($"Could not read CIFAR batch '{path}': {e.Message}", e); }
    }

    /// <summary>Parses the bytes of a batch.</summary>
    public static (float[] Pixels, int Count, float[] Labels) Read(byte[] bytes)
    {
        var dict = PickleReader.Load(bytes) as PyDict ?? throw new InvalidDataException("Expected a pickled dict.");
        var data = dict.Get("data") as PyNdarray ?? throw new InvalidDataException("Expected 'data' to be a numpy array.");
        var labels = dict.Get("labels") as List<object?> ?? throw new InvalidDataException("Expected 'labels' to be a list of ints.");
        if (data.Raw is null || data.Dtype?.Descr is not ("|u1" or "<u1") || data.Shape is not [var n, 3072])
            throw new InvalidDataException($"Expected 'data' to be uint8 of shape (N, 3072); received {data.Dtype?.Descr} {NpyReader.FormatShape(data.Shape)}.");
        if (data.Raw.Length != n * 3072L) throw new InvalidDataException($"'data' holds {data.Raw.Length} bytes; shape ({n}, 3072) needs {n * 3072L}.");
        if (labels.Count != n) throw new InvalidDataException($"Expected {n} labels, found {labels.Count}.");
        var pixels = new float[n * 3072];
        for (int i = 0; i < n; i++)
            for (int c = 0; c < 3; c++)
                for (int p = 0; p < 1024; p++)
                    pixels[i * 3072 + p * 3 + c] = data.Raw[i * 3072 + c * 1024 + p];
        var y = labels.Select((l, i) => l is long v ? (float)v : throw new InvalidDataException($"Label {i} is {PickleReader.Describe(l)}, expected an int.")).ToArray();
        return (pixels, n, y);
    }
}
