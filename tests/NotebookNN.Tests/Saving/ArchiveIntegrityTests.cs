using NotebookNN.Tests.Support;
using System.IO.Compression;

namespace NotebookNN.Tests.Saving;

using KerasModels = global::NotebookNN.Keras.Models;

/// <summary>
/// Every zip entry read from a model file is checked against the CRC-32 and length in the archive's directory
/// (.NET's ZipArchive checks neither): a flipped bit is a damaged-file error naming the file and the entry, never a
/// model that loads with other weights.
/// </summary>
public sealed class ArchiveIntegrityTests : TempFolderTests
{

    [Fact]
    public void NoSingleBitFlipLoadsWithOtherWeights()
    {
        var model = ArchiveCraft.Mlp784();
        var path = PathOf("m.keras");
        model.Save(path);
        var bytes = File.ReadAllBytes(path);
        var original = model.GetWeights().Select(w => w.ToArray()).ToList();
        var rng = new Random(2024);
        var silentlyDifferent = new List<string>();
        for (int trial = 0; trial < 40; trial++)
        {
            int at = rng.Next(bytes.Length), bit = rng.Next(8);
            var damaged = (byte[])bytes.Clone();
            damaged[at] ^= (byte)(1 << bit);
            var copy = PathOf($"flip{trial}.keras");
            File.WriteAllBytes(copy, damaged);
            Model loaded;
            try { loaded = KerasModels.LoadModel(copy); }
            catch (InvalidDataException e) { Assert.Contains(copy, e.Message); continue; }
            catch (ArgumentException e) when (e.GetType() == typeof(ArgumentException)) { continue; } // a damaged name in config.json: an unknown layer or key
            var weights = loaded.GetWeights();
            if (Enumerable.Range(0, original.Count).Any(i => !original[i].SequenceEqual(weights[i].ToArray())))
                silentlyDifferent.Add($"bit {bit} of byte {at}");
        }
        Assert.Empty(silentlyDifferent);
    }

    [Theory]
    [InlineData("model")]
    [InlineData("weights")]
    public void AFlippedBitInAStoredWeightIsADamagedFileNamingTheEntry(string kind)
    {
        var model = ArchiveCraft.Mlp784();
        var saved = PathOf("saved.keras");
        if (kind == "model") model.Save(saved); else model.SaveWeights(saved);
        // stored (uncompressed) entries: the flip lands in the weight's float data, which no inflater can notice
        var stored = PathOf("stored.keras");
        ArchiveCraft.Rewrite(saved, stored, CompressionLevel.NoCompression);
        var bytes = File.ReadAllBytes(stored);
        int header = bytes.AsSpan().IndexOf(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y' });
        bytes[header + 128 + 4000] ^= 1 << 6; // inside weights/00000.npy (the (784, 64) kernel), past its 128-byte header
        File.WriteAllBytes(stored, bytes);

        var e = Assert.Throws<InvalidDataException>(() =>
        {
            if (kind == "model") KerasModels.LoadModel(stored);
            else ArchiveCraft.Mlp784().LoadWeights(stored);
        });
        Assert.Contains($"File '{stored}' is damaged: entry 'weights/00000.npy' does not match its CRC-32", e.Message);
    }

    [Fact]
    public void AFlippedBitInConfigJsonIsCaughtEvenWhenTheJsonStillParses()
    {
        var model = ArchiveCraft.Mlp784();
        var saved = PathOf("saved.keras");
        model.Save(saved);
        var stored = PathOf("stored.keras");
        ArchiveCraft.Rewrite(saved, stored, CompressionLevel.NoCompression);
        var bytes = File.ReadAllBytes(stored);
        // "learning_rate": 0.001 -> 0.003 ('1' 0x31 -> '3' 0x33, bit 1): still valid JSON, a different optimizer
        int at = bytes.AsSpan().IndexOf("0.001"u8) + 4;
        bytes[at] ^= 1 << 1;
        File.WriteAllBytes(stored, bytes);
        var e = Assert.Throws<InvalidDataException>(() => KerasModels.LoadModel(stored));
        Assert.Contains("entry 'config.json' does not match its CRC-32", e.Message);
    }
}
