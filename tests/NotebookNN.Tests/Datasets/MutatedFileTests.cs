using System.IO.Compression;
using NotebookNN.Datasets.Formats;
using NotebookNN.Layers;

namespace NotebookNN.Tests.Datasets;

/// <summary>
/// Damaged copies of every kind of file the library reads (truncated; bytes overwritten in the header or anywhere;
/// 0xFF 0x7F planted where lengths and counts live) end in <see cref="InvalidDataException"/> or
/// <see cref="IOException"/> (or, for a saved model whose damage hits a name in its config, the plain
/// <see cref="ArgumentException"/> an unknown layer, loss or config key gets), never in an exception from inside a reader. The mutations are seeded, so every run
/// tries the same ones; a damaged copy may also still read, which is fine. Written after a sweep of 6,000 such files
/// found LoadModel failing with a NullReferenceException on a config.json that parsed but was not a model's.
/// </summary>
public class MutatedFileTests
{
    public static TheoryData<string> Formats => ["npy object array", "pickle protocol 2", "pickle protocol 4", "cifar batch", "idx gz", "model archive", "weights archive", "california tgz", "word index"];

    [Theory]
    [MemberData(nameof(Formats))]
    public void DamagedCopiesFailWithADataError(string format)
    {
        using var tmp = new TempFolder();
        var (bytes, read) = Sample(format, tmp);
        read(bytes); // the intact file reads
        var rng = new Random(11);
        for (int trial = 0; trial < 200; trial++)
        {
            var damaged = Mutate(bytes, trial % 4, rng);
            try { read(damaged); }
            catch (Exception e) when (e is InvalidDataException or IOException) { }
            // a damaged name in a saved config reads as an unknown layer, loss or config key, with that message (a plain
            // ArgumentException; the out-of-range and null kinds come from inside code, and fail the test)
            catch (Exception e) when (e.GetType() == typeof(ArgumentException) && format.EndsWith("archive")) { }
        }
    }

    private static byte[] Mutate(byte[] original, int kind, Random rng)
    {
        var b = (byte[])original.Clone();
        switch (kind)
        {
            case 0: return b[..rng.Next(b.Length)];
            case 1: for (int k = 0, n = 1 + rng.Next(4); k < n; k++) b[rng.Next(Math.Min(b.Length, 400))] = (byte)rng.Next(256); break;
            case 2: for (int k = 0, n = 1 + rng.Next(8); k < n; k++) b[rng.Next(b.Length)] = (byte)rng.Next(256); break;
            default:
                int at = rng.Next(Math.Min(b.Length - 1, 300));
                (b[at], b[at + 1]) = (0xFF, 0x7F);
                break;
        }
        return b;
    }

    private static (byte[] Bytes, Action<byte[]> Read) Sample(string format, TempFolder tmp)
    {
        var pickles = System.Text.Json.JsonDocument.Parse(File.ReadAllText(DataFixtures.Path("pickles.json"))).RootElement;
        byte[] Base64(string key) => Convert.FromBase64String(pickles.GetProperty(key).GetString()!);
        switch (format)
        {
            case "npy object array": return (Base64("npy_ints"), b => NpyReader.Read(b).ToSequences());
            case "pickle protocol 2": return (Base64("pickle2"), b => new NpyArray("|O", [4], null, PickleReader.LoadObjectArray(b)).ToSequences());
            case "pickle protocol 4": return (Base64("pickle4"), b => new NpyArray("|O", [4], null, PickleReader.LoadObjectArray(b)).ToSequences());
            case "cifar batch": return (File.ReadAllBytes(DataFixtures.Path("cifar-10-batches-py/test_batch")), b => CifarBatch.Read(b));
            case "idx gz": return (IdxLabels(), b => IdxReader.Read(Gzip.Decompress(b)));
            case "model archive":
            {
                var path = tmp.File("m.keras");
                Model().Save(path);
                return (File.ReadAllBytes(path), b => { File.WriteAllBytes(tmp.File("damaged.keras"), b); Keras.Models.LoadModel(tmp.File("damaged.keras")); });
            }
            case "weights archive":
            {
                var model = Model();
                var path = tmp.File("m.weights.h5");
                model.SaveWeights(path);
                return (File.ReadAllBytes(path), b => { File.WriteAllBytes(tmp.File("damaged.weights.h5"), b); model.LoadWeights(tmp.File("damaged.weights.h5")); });
            }
            case "california tgz":
                return (CaliforniaArchive(), b => { File.WriteAllBytes(tmp.File("cal_housing.tgz"), b); NotebookNN.Sklearn.CaliforniaHousingFrom(tmp.File("cal_housing.tgz")); });
            case "word index":
                return (System.Text.Encoding.UTF8.GetBytes("{\"the\": 1, \"and\": 2, \"a\": 3, \"café\": 4, \"of\": 5, \"film\": 19}"),
                    b => { File.WriteAllBytes(tmp.File("word_index.json"), b); NotebookNN.Datasets.WordIndex.ReadFile(tmp.File("word_index.json")); });
            default: throw new ArgumentException(format);
        }
    }

    /// <summary>An IDX label file (magic 0x00000801, a count, one byte per label), gzipped as the MNIST files are.</summary>
    private static byte[] IdxLabels()
    {
        var raw = new byte[8 + 300];
        raw[2] = 0x08; raw[3] = 0x01;
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(raw.AsSpan(4), 300);
        for (int i = 0; i < 300; i++) raw[8 + i] = (byte)(i % 10);
        var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true)) gz.Write(raw);
        return ms.ToArray();
    }

    /// <summary>StatLib's archive layout with a few districts (nine numbers a line, as cal_housing.data has them).</summary>
    private static byte[] CaliforniaArchive()
    {
        var data = string.Concat(Enumerable.Range(0, 12).Select(i =>
            $"-122.{i:D2},37.{i:D2},{20 + i}.0,{800 + i}.0,{150 + i}.0,{400 + i}.0,{140 + i}.0,{3 + i * 0.1:F4},{150000 + i * 1000}.0\n"));
        var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true))
        using (var tar = new System.Formats.Tar.TarWriter(gz))
        {
            var entry = new System.Formats.Tar.PaxTarEntry(System.Formats.Tar.TarEntryType.RegularFile, "CaliforniaHousing/cal_housing.data")
            {
                DataStream = new MemoryStream(System.Text.Encoding.ASCII.GetBytes(data)),
            };
            tar.WriteEntry(entry);
        }
        return ms.ToArray();
    }

    /// <summary>A small trained model: layers, compile settings and optimizer slots all in the archive.</summary>
    private static Model Model()
    {
        var model = new Sequential([new Dense(4, activation: "relu", inputShape: [3]), new Dropout(0.2), new Dense(2)]);
        model.Compile(optimizer: "adam", loss: "mse", metrics: ["mae"]);
        model.Fit(Tensor.Ones(new Shape(8, 3)), Tensor.Ones(new Shape(8, 2)), epochs: 1, verbose: 0);
        return model;
    }
}
