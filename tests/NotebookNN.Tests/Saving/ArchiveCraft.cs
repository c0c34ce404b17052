using System.IO.Compression;
using System.Text;
using NotebookNN.Layers;

namespace NotebookNN.Tests.Saving;

/// <summary>Saved models and crafted copies of them for the integrity and memory tests.</summary>
internal static class ArchiveCraft
{
    /// <summary>The 784-64-10 model, compiled with Adam and trained one step, so the archive holds optimizer slots too.</summary>
    public static Sequential Mlp784()
    {
        var model = new Sequential([new Dense(64, activation: "relu", inputShape: [784]), new Dense(10, activation: "softmax")]);
        model.Compile(optimizer: "adam", loss: "sparse_categorical_crossentropy");
        model.Fit(Tensor.RandomNormal(new Shape(32, 784), seed: 3), Tensor.From(Enumerable.Range(0, 32).Select(i => (float)(i % 10)).ToArray()),
            epochs: 1, verbose: 0);
        return model;
    }

    /// <summary>
    /// Copies the archive at <paramref name="path"/> to <paramref name="target"/>, entry by entry in order, with
    /// <paramref name="level"/>; <paramref name="replace"/> may give an entry new content (written as a stream, so it can be large).
    /// </summary>
    public static void Rewrite(string path, string target, CompressionLevel level, Func<string, byte[], Action<Stream>?>? replace = null)
    {
        using var source = ZipFile.OpenRead(path);
        using var output = ZipFile.Open(target, ZipArchiveMode.Create);
        foreach (var entry in source.Entries)
        {
            using var ms = new MemoryStream();
            using (var s = entry.Open()) s.CopyTo(ms);
            var write = replace?.Invoke(entry.FullName, ms.ToArray()) ?? (s => s.Write(ms.ToArray()));
            using var o = output.CreateEntry(entry.FullName, level).Open();
            write(o);
        }
    }

    /// <summary>A .npy v1.0 float32 header for <paramref name="shape"/> (padded as numpy pads it).</summary>
    public static byte[] NpyHeader(string shape)
    {
        var header = $"{{'descr': '<f4', 'fortran_order': False, 'shape': {shape}, }}";
        header = header.PadRight(header.Length + (64 - (10 + header.Length + 1) % 64) % 64) + "\n";
        return [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0, (byte)header.Length, (byte)(header.Length >> 8), .. Encoding.ASCII.GetBytes(header)];
    }

    /// <summary>Writes <paramref name="count"/> zero bytes in 1 MiB pieces.</summary>
    public static void WriteZeros(Stream s, long count)
    {
        var zeros = new byte[1 << 20];
        for (long left = count; left > 0; left -= zeros.Length) s.Write(zeros, 0, (int)Math.Min(left, zeros.Length));
    }
}
