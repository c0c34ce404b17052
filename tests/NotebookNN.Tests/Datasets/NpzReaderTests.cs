using NotebookNN.Datasets.Formats;
using NotebookNN.Tests.Support;

namespace NotebookNN.Tests.Datasets;

/// <summary>.npz / .npy / pickled object arrays on the real files in ../shared/datasets and on damaged copies.</summary>
public class NpzReaderTests
{
    [SkippableFact]
    public void CompressedMnistNpzEqualsTheIdxTestSet()
    {
        var a = NpzReader.ReadFile(SharedData.Require("keras-format/mnist.npz"));
        Assert.Equal([8000, 28, 28], a["x_train"].Shape);
        Assert.Equal("|u1", a["x_train"].Descr);
        var (images, labels) = SharedData.MnistTest();
        var all = images.ToArray();
        var x = a["x_train"].ToFloatArray().Concat(a["x_test"].ToFloatArray()).ToArray();
        Assert.Equal(all, x);
        Assert.Equal(labels.ToArray(), a["y_train"].ToFloatArray().Concat(a["y_test"].ToFloatArray()));
    }

    [SkippableFact]
    public void BostonNpzFloat64EqualsScikitLearnCsv()
    {
        var a = NpzReader.ReadFile(SharedData.Require("keras-format/boston_housing.npz"));
        Assert.Equal("<f8", a["x"].Descr);
        Assert.Equal([506, 13], a["x"].Shape);
        var (x, y) = SharedData.Boston();
        Assert.Equal(x.ToArray(), a["x"].ToFloatArray());
        Assert.Equal(y.ToArray(), a["y"].ToFloatArray());
    }

    [SkippableFact]
    public void PickledObjectArraysOfIntListsAreRead()
    {
        var a = NpzReader.ReadFile(SharedData.Require("keras-format/reuters-fixture.npz"));
        Assert.Equal(DataFixtures.NumpyShuffle.GetProperty("reuters_raw_x").Sequences(), a["x"].ToSequences());
        Assert.Equal("<i8", a["y"].Descr);
        Assert.Equal(DataFixtures.NumpyShuffle.GetProperty("reuters_raw_y").Ints().Select(v => (long)v), a["y"].ToInt64Array());
        var imdb = NpzReader.ReadFile(SharedData.Require("keras-format/imdb-fixture.npz"));
        Assert.Equal(DataFixtures.NumpyShuffle.GetProperty("imdb_raw_x_test").Sequences(), imdb["x_test"].ToSequences());
    }

    [Theory]
    [InlineData("npy_ints")] [InlineData("pickle2")] [InlineData("pickle4")]
    public void PickleOfPythonIntListsIsRead(string key)
    {
        var expected = Pickles.GetProperty("lists").Sequences();
        var bytes = Convert.FromBase64String(Pickles.GetProperty(key).GetString()!);
        var actual = key == "npy_ints" ? NpyReader.Read(bytes).ToSequences() : new NpyArray("|O", [4], null, PickleReader.LoadObjectArray(bytes)).ToSequences();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void IntegerBeyondInt32IsReportedNotWrapped()
    {
        var bytes = Convert.FromBase64String(Pickles.GetProperty("npy_big").GetString()!);
        var e = Assert.Throws<InvalidDataException>(() => NpyReader.Read(bytes).ToSequences());
        Assert.Contains("int 1099511627776", e.Message);
    }

    private static System.Text.Json.JsonElement Pickles =>
        System.Text.Json.JsonDocument.Parse(File.ReadAllText(DataFixtures.Path("pickles.json"))).RootElement;

    [SkippableFact]
    public void TruncatedNpzFailsWithTheFileName()
    {
        using var tmp = new TempFolder();
        foreach (var name in new[] { "mnist.npz", "reuters-fixture.npz", "boston_housing.npz" })
        {
            var bytes = File.ReadAllBytes(SharedData.Require($"keras-format/{name}"));
            var cut = tmp.File("cut-" + name);
            File.WriteAllBytes(cut, bytes[..(bytes.Length / 2)]);
            var e = Assert.Throws<InvalidDataException>(() => NpzReader.ReadFile(cut));
            Assert.Contains(cut, e.Message);
        }
    }

    [SkippableFact]
    public void CorruptedCompressedMemberIsDetected()
    {
        using var tmp = new TempFolder();
        var bytes = File.ReadAllBytes(SharedData.Require("keras-format/mnist.npz"));
        for (int i = 0; i < 64; i++) bytes[bytes.Length / 3 + i] ^= 0x5a;
        var bad = tmp.File("bad.npz");
        File.WriteAllBytes(bad, bytes);
        Assert.Throws<InvalidDataException>(() => NpzReader.ReadFile(bad));
    }

    [Fact]
    public void NpyWithTooFewDataBytesIsRejected()
    {
        var npy = Npy("<f8", "(3, 2)", new byte[5 * 8]);
        var e = Assert.Throws<InvalidDataException>(() => NpyReader.Read(npy));
        Assert.Contains("needs 48 bytes, found 40", e.Message);
    }

    [Fact]
    public void NpyWithUnknownDtypeOrBadMagicIsRejected()
    {
        Assert.Contains("'<c16'", Assert.Throws<InvalidDataException>(() => NpyReader.Read(Npy("<c16", "(1,)", new byte[16]))).Message);
        Assert.Contains("magic", Assert.Throws<InvalidDataException>(() => NpyReader.Read(new byte[20])).Message);
    }

    [Fact]
    public void PickleCallingAnythingButNumpyIsRefused()
    {
        var bytes = Convert.FromBase64String(Pickles.GetProperty("evil").GetString()!);
        var e = Assert.Throws<InvalidDataException>(() => PickleReader.Load(bytes));
        Assert.Contains("Refusing to call posix.system", e.Message);
    }

    [SkippableFact]
    public void TruncatedPickleIsReportedNotCrashed()
    {
        var a = NpzReader.ReadFile(SharedData.Require("keras-format/reuters-fixture.npz"));
        using var tmp = new TempFolder();
        // Rebuild x.npy with its pickle cut short.
        using var zip = System.IO.Compression.ZipFile.OpenRead(SharedData.Require("keras-format/reuters-fixture.npz"));
        using var s = zip.GetEntry("x.npy")!.Open();
        using var ms = new MemoryStream();
        s.CopyTo(ms);
        var bytes = ms.ToArray();
        var e = Assert.Throws<InvalidDataException>(() => NpyReader.Read(bytes[..(bytes.Length - 700)]));
        Assert.Contains("pickle", e.Message);
        Assert.Equal(60, a["x"].ToSequences().Length);
    }

    internal static byte[] Npy(string descr, string shape, byte[] data)
    {
        var header = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': {shape}, }}";
        header = header.PadRight((header.Length + 11) / 64 * 64 + 63 - 10) + "\n";
        return [0x93, .. "NUMPY"u8.ToArray(), 1, 0, (byte)header.Length, (byte)(header.Length >> 8), .. System.Text.Encoding.ASCII.GetBytes(header), .. data];
    }
}
