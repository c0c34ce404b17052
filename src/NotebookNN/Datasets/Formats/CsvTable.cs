using System.Globalization;

namespace NotebookNN.Datasets.Formats;

/// <summary>Reads numeric CSV (comma or whitespace separated, optionally <c>.gz</c>) such as scikit-learn's bundled tables.</summary>
public static class CsvTable
{
    /// <summary>The text lines of a file, decompressing <c>.gz</c>.</summary>
    public static string[] ReadLines(string path)
    {
        using var file = File.OpenRead(path);
        return ReadLines(file, path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase), path);
    }

    /// <summary>The text lines of a stream, decompressing gzip when <paramref name="gzip"/> is set.</summary>
    public static string[] ReadLines(Stream stream, bool gzip, string name)
    {
        try
        {
            Stream s = stream;
            if (gzip)
            {
                using var raw = new MemoryStream();
                stream.CopyTo(raw);
                s = new MemoryStream(Gzip.Decompress(raw.ToArray()));
            }
            using var reader = new StreamReader(s, leaveOpen: true);
            var lines = new List<string>();
            for (string? line; (line = reader.ReadLine()) is not null;)
                if (line.Length > 0) lines.Add(line);
            return [.. lines];
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"Could not read '{name}' (truncated or corrupted gzip?): {e.Message}", e);
        }
    }

    /// <summary>
    /// Parses rows of numbers starting at <paramref name="firstRow"/>, each with exactly <paramref name="columns"/> values
    /// (all columns when null, taken from the first row).
    /// </summary>
    public static double[][] ParseRows(IReadOnlyList<string> lines, int firstRow, int? columns, string name, char? separator = ',')
    {
        var rows = new double[lines.Count - firstRow][];
        for (int i = 0; i < rows.Length; i++)
        {
            var line = lines[firstRow + i];
            var parts = separator is { } c ? line.Split(c) : line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            int want = columns ?? (i == 0 ? parts.Length : rows[0].Length);
            if (parts.Length != want)
                throw new InvalidDataException($"'{name}' line {firstRow + i + 1}: expected {want} values, found {parts.Length}.");
            var row = new double[want];
            for (int j = 0; j < want; j++)
                if (!double.TryParse(parts[j], NumberStyles.Float, CultureInfo.InvariantCulture, out row[j]))
                    throw new InvalidDataException($"'{name}' line {firstRow + i + 1}, column {j + 1}: '{parts[j]}' is not a number.");
            rows[i] = row;
        }
        return rows;
    }
}
