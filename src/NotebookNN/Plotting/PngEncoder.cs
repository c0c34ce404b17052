using StbImageWriteSharp;

namespace NotebookNN.Plotting;

/// <summary>PNG encoding of RGB pixels (StbImageWriteSharp, managed) and data URIs for HTML.</summary>
internal static class PngEncoder
{
    /// <summary>PNG bytes of <paramref name="rgb"/> (row-major, 3 bytes a pixel).</summary>
    public static byte[] Encode(byte[] rgb, int width, int height)
    {
        using var ms = new MemoryStream();
        new ImageWriter().WritePng(rgb, width, height, ColorComponents.RedGreenBlue, ms);
        return ms.ToArray();
    }

    /// <summary>A <c>data:image/png;base64,…</c> URI.</summary>
    public static string DataUri(byte[] png) => "data:image/png;base64," + Convert.ToBase64String(png);
}
