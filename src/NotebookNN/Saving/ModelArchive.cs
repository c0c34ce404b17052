using System.Text;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using NotebookNN.Datasets.Formats;
using NotebookNN.Tensors;

namespace NotebookNN.Saving;

/// <summary>
/// The single-file model format (like Keras's <c>.keras</c>): a zip archive holding
/// <list type="bullet">
/// <item><c>metadata.json</c> — <c>{"format": "notebooknn", "version": 1, "kind": "model" | "weights", "saved_at": …}</c>;</item>
/// <item><c>config.json</c> — the model's architecture (Keras-style <c>class_name</c> / <c>config</c>, functional
/// <c>inbound_nodes</c>), the compile settings and the optimizer's settings (models only);</item>
/// <item><c>weights/00000.npy</c>, … — every weight in <c>model.Weights</c> order as a numpy float32 array;</item>
/// <item><c>optimizer/00000_0.npy</c>, … — the optimizer's slots for each trainable weight (models only).</item>
/// </list>
/// Writes go to a temporary file in the same folder that replaces the target only when complete, so an
/// interrupted save leaves the previous file intact.
/// </summary>
internal static class ModelArchive
{
    public const string Format = "notebooknn";
    public const int Version = 1;

    /// <summary>Writes the archive atomically: <paramref name="write"/> fills a temp file that is then renamed over <paramref name="path"/>.</summary>
    public static void WriteAtomic(string path, string kind, Action<ZipArchive> write)
    {
        var file = SaveTarget.OpenTemp(path, kind == "model" ? "the model" : "the weights", out var full, out var temp);
        try
        {
            using (file)
            {
                using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
                {
                    WriteJson(zip, "metadata.json", new JsonObject { ["format"] = Format, ["version"] = Version, ["kind"] = kind,
                        ["saved_at"] = DateTime.UtcNow.ToString("O") });
                    write(zip);
                }
                file.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            Files.SideFiles.Release(temp);
        }
    }

    /// <summary>Opens an archive for reading, refusing files that are not ours (or damaged) with a clear message.</summary>
    public static ZipArchive OpenRead(string path, string expectedKind)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"No file or directory found at {path}", path);
        ZipArchive zip;
        try { zip = ZipFile.OpenRead(path); }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"File '{path}' is not a valid NotebookNN {expectedKind} file: it is not a complete zip archive (truncated or foreign file). {e.Message}", e);
        }
        try
        {
            var meta = ReadJson(zip, "metadata.json", path);
            if (meta["format"]?.GetValue<string>() != Format)
                throw new InvalidDataException($"File '{path}' is not a NotebookNN {expectedKind} file: metadata.json has format '{meta["format"]}', expected '{Format}'.");
            int version = meta["version"]?.GetValue<int>() ?? 0;
            if (version > Version)
                throw new InvalidDataException($"File '{path}' was written by a newer NotebookNN (format version {version}; this version reads up to {Version}).");
            var kind = meta["kind"]?.GetValue<string>();
            if (expectedKind == "model" && kind != "model")
                throw new InvalidDataException($"File '{path}' holds only weights; load it with model.LoadWeights(path) on a model of the same architecture.");
            return zip;
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    public static void WriteJson(ZipArchive zip, string name, JsonNode node)
    {
        using var s = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        using var w = new Utf8JsonWriter(s, new JsonWriterOptions { Indented = true });
        node.WriteTo(w);
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static JsonNode ReadJson(ZipArchive zip, string name, string path)
    {
        var entry = zip.GetEntry(name) ?? throw new InvalidDataException($"File '{path}' is not a NotebookNN file: the entry '{name}' is missing.");
        try
        {
            // decoded strictly first: the JSON parser leaves strings undecoded until read, so bad UTF-8 would surface later
            using var reader = new StreamReader(CheckedZipEntry.Open(entry, path), StrictUtf8, detectEncodingFromByteOrderMarks: false);
            return JsonNode.Parse(reader.ReadToEnd()) ?? throw new InvalidDataException($"Entry '{name}' of '{path}' is empty.");
        }
        catch (Exception e) when (e is JsonException or DecoderFallbackException or InvalidDataException && e.Message.IndexOf(path, StringComparison.Ordinal) < 0)
        {
            throw new InvalidDataException($"File '{path}' is damaged: entry '{name}' cannot be read ({e.Message}).", e);
        }
    }

    public static void WriteTensor(ZipArchive zip, string name, Tensor t)
    {
        using var s = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        Npy.Write(s, t);
    }

    /// <summary>Opens an array entry (checked as it is read: length and CRC-32) and reads its header's shape.</summary>
    public static CheckedZipEntry OpenTensor(ZipArchive zip, string name, string path, out int[] dims)
    {
        var entry = zip.GetEntry(name) ?? throw new InvalidDataException($"File '{path}' is damaged or incomplete: the entry '{name}' is missing.");
        var stream = CheckedZipEntry.Open(entry, path);
        try { dims = Npy.ReadHeader(stream); }
        catch { stream.Dispose(); throw; }
        return stream;
    }

    /// <summary>The shape the header of array entry <paramref name="name"/> announces (only the header is read).</summary>
    public static int[] ReadShape(ZipArchive zip, string name, string path)
    {
        using var _ = OpenTensor(zip, name, path, out var dims);
        return dims;
    }

    /// <summary>
    /// Reads array entry <paramref name="name"/> straight into <paramref name="destination"/>, whose shape
    /// <paramref name="shape"/> the entry must have (<paramref name="what"/> names the destination in the error).
    /// </summary>
    public static void ReadInto(ZipArchive zip, string name, string path, Shape shape, Span<float> destination, string what)
    {
        using var stream = OpenTensor(zip, name, path, out var dims);
        if (!shape.Dims.AsSpan().SequenceEqual(dims))
            throw new InvalidDataException($"File '{path}' is damaged: entry '{name}' holds an array of shape {Shape.Format(dims)}, but {what} has shape {shape}.");
        Npy.ReadData(stream, destination);
    }

    /// <summary>The shapes of weight entries 0 … <paramref name="count"/> - 1, read from their headers only.</summary>
    public static int[][] WeightShapes(ZipArchive zip, int count, string path)
    {
        if (count < 0 || count > zip.Entries.Count)
            throw new InvalidDataException($"File '{path}' is damaged: its config.json says it holds {count} weights, but the archive has {zip.Entries.Count} entries.");
        var shapes = new int[count][];
        for (int i = 0; i < count; i++) shapes[i] = ReadShape(zip, WeightEntry(i), path);
        return shapes;
    }

    /// <summary>Reads weight entry <paramref name="i"/> straight into the storage of <paramref name="weight"/>.</summary>
    public static void ReadWeight(ZipArchive zip, int i, Variable weight, string path) => ReadWeight(zip, i, weight, weight.Span, path);

    /// <summary>Reads weight entry <paramref name="i"/>, which must have the shape of <paramref name="weight"/>, into <paramref name="destination"/>.</summary>
    public static void ReadWeight(ZipArchive zip, int i, Variable weight, Span<float> destination, string path) =>
        ReadInto(zip, WeightEntry(i), path, weight.Shape, destination, $"the model's weight '{weight.Name}'");

    public static string WeightEntry(int i) => $"weights/{i:D5}.npy";
    public static string SlotEntry(int i, int j) => $"optimizer/{i:D5}_{j}.npy";
}
