using NotebookNN.Tests.Support;
using System.IO.Compression;
using System.Text;
using NotebookNN.Datasets.Formats;

namespace NotebookNN.Tests.Saving;

using KerasModels = global::NotebookNN.Keras.Models;

/// <summary>
/// Tiny crafted files cannot make a load allocate what they do not hold: sizes are read from headers and checked
/// against what the model (or the archive's compressed data) allows before anything is allocated, and weights are
/// decoded straight into the variables. Measured as the bytes the loading thread allocates
/// (<see cref="GC.GetAllocatedBytesForCurrentThread"/>), which counts every array whether or not its pages are touched,
/// and does not depend on other tests or the machine's load.
/// </summary>
public sealed class LoadMemoryTests : TempFolderTests
{
    private const long Ceiling = 32L << 20; // the intact 784-64-10 file loads in well under this (asserted below)


    private static long Allocated<TException>(Action load) where TException : Exception
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Throws<TException>(load);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private string Saved()
    {
        var path = PathOf("m.keras");
        ArchiveCraft.Mlp784().Save(path);
        return path;
    }

    [Fact]
    public void TheIntactFileLoadsWithinTheCeiling()
    {
        var path = Saved();
        long before = GC.GetAllocatedBytesForCurrentThread();
        KerasModels.LoadModel(path);
        long used = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.InRange(used, 1, Ceiling);
    }

    [Theory]
    [InlineData(100_000)]      // 78.4 million kernel values: the old loader allocated and initialised them (627 MB) before comparing
    [InlineData(400_000_000)]  // past any array: the old loader failed with a plain ArgumentException from Shape
    public void AConfigNamingHugeUnitsFailsBeforeTheWeightsAreMade(int units)
    {
        var crafted = PathOf("units.keras");
        ArchiveCraft.Rewrite(Saved(), crafted, CompressionLevel.Optimal, (name, data) => name != "config.json" ? null
            : s => s.Write(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(data).Replace("\"units\": 64", $"\"units\": {units}"))));
        long used = Allocated<InvalidDataException>(() => KerasModels.LoadModel(crafted));
        Assert.InRange(used, 0, Ceiling);
        var e = Assert.Throws<InvalidDataException>(() => KerasModels.LoadModel(crafted));
        Assert.Matches($@"^File '{System.Text.RegularExpressions.Regex.Escape(crafted)}' is damaged: its config.json makes weight 'dense(_\d+)?/kernel' of shape \(784, {units}\) \({784L * units} values\), but its 4 weight entries hold 50890 values in all", e.Message);
    }

    [Theory]
    [InlineData("(67108864,)")] // the header announces 256 MiB of floats, and the entry holds them (zeros, deflated to 256 KB)
    [InlineData("(784, 64)")]   // the right header, then 256 MiB of data the shape has no room for
    public void AWeightEntryThatInflatesFarPastTheModelsWeightIsNotRead(string shape)
    {
        var crafted = PathOf("inflating.keras");
        ArchiveCraft.Rewrite(Saved(), crafted, CompressionLevel.Optimal, (name, _) => name != "weights/00000.npy" ? null : s =>
        {
            s.Write(ArchiveCraft.NpyHeader(shape));
            ArchiveCraft.WriteZeros(s, 256L << 20);
        });
        Assert.InRange(new FileInfo(crafted).Length, 1, 2 << 20);
        long used = Allocated<InvalidDataException>(() => KerasModels.LoadModel(crafted));
        Assert.InRange(used, 0, Ceiling);
        var target = ArchiveCraft.Mlp784();
        long before = GC.GetAllocatedBytesForCurrentThread();
        // a (784, 64) model given a (67108864,) entry is told the shapes differ (ArgumentException, as for another architecture)
        Assert.ThrowsAny<Exception>(() => target.LoadWeights(crafted));
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, Ceiling);
    }

    [Fact]
    public void AFlippedBitInAnNpzMembersSizeAllocatesNothingForIt()
    {
        // one member of 400 KB of noise (deflate cannot shrink it), so its compressed size bounds what it may inflate to
        var npz = PathOf("data.npz");
        var noise = new byte[400_000];
        new Random(5).NextBytes(noise);
        using (var zip = ZipFile.Open(npz, ZipArchiveMode.Create))
        using (var s = zip.CreateEntry("x.npy", CompressionLevel.Optimal).Open())
        {
            s.Write(ArchiveCraft.NpyHeader("(100000,)"));
            s.Write(noise);
        }
        Assert.Equal(100_000, NpzReader.ReadFile(npz)["x"].Length);
        var bytes = File.ReadAllBytes(npz);
        int central = bytes.AsSpan().LastIndexOf(new byte[] { 0x50, 0x4b, 0x01, 0x02 });
        bytes[central + 24 + 3] ^= 1 << 4; // bit 28 of the uncompressed size in the central directory: + 256 MiB
        File.WriteAllBytes(npz, bytes);
        long used = Allocated<InvalidDataException>(() => NpzReader.ReadFile(npz));
        Assert.InRange(used, 0, 4L << 20);
        Assert.Contains($"File '{npz}' is damaged: entry 'x.npy' is 268835584 bytes long, but its .npy header (128 bytes) announces 400000 bytes of data",
            Assert.Throws<InvalidDataException>(() => NpzReader.ReadFile(npz)).Message);
    }
}
