using System.Runtime.CompilerServices;
using System.Text.Json;
using StbImageWriteSharp;

namespace NotebookNN.Tests.Images;

/// <summary>The image fixtures (Fixtures/images, made by make_image_fixture.py) and small helpers that write test images.</summary>
internal static class ImageFixture
{
    public static string Folder([CallerFilePath] string here = "") => Path.Combine(Path.GetDirectoryName(here)!, "..", "Fixtures", "images");

    public static string File(string name) => Path.Combine(Folder(), name);

    public static JsonElement Json { get; } = JsonDocument.Parse(System.IO.File.ReadAllText(File("images.json"))).RootElement;

    /// <summary>A (height, width) solid PNG of one grey value, as RGB, at <paramref name="path"/> (folders made).</summary>
    public static void WriteSolidPng(string path, byte value, int height = 2, int width = 2) => WriteSolidPng(path, (value, value, value), height, width);

    /// <summary>A (height, width) solid RGB PNG of one colour at <paramref name="path"/> (folders made).</summary>
    public static void WriteSolidPng(string path, (byte R, byte G, byte B) colour, int height, int width)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var pixels = Enumerable.Range(0, height * width).SelectMany(_ => new[] { colour.R, colour.G, colour.B }).ToArray();
        using var stream = System.IO.File.Create(path);
        new ImageWriter().WritePng(pixels, width, height, ColorComponents.RedGreenBlue, stream);
    }

    /// <summary>The values of a tensor as doubles, row-major.</summary>
    public static double[] Values(Tensor t) => t.ToArray().Select(v => (double)v).ToArray();
}
