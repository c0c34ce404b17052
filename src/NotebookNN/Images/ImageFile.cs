using StbImageSharp;

namespace NotebookNN.Images;

/// <summary>
/// Reads and decodes one image file (PNG, JPEG, BMP or GIF's first frame) with StbImageSharp into 8-bit pixels with
/// the file's own channels. Whatever goes wrong (missing, empty, not an image, damaged, truncated) ends in an
/// exception naming the file.
/// </summary>
internal static class ImageFile
{
    /// <summary>The extensions Keras's <c>image_dataset_from_directory</c> picks (compared lower-case).</summary>
    public static readonly string[] Formats = [".bmp", ".gif", ".jpeg", ".jpg", ".png"];

    /// <summary>Keras's spelling of <see cref="Formats"/> in messages.</summary>
    public const string FormatsText = "('.bmp', '.gif', '.jpeg', '.jpg', '.png')";

    /// <summary>True when the name ends with one of <see cref="Formats"/>, whatever its case.</summary>
    public static bool HasImageExtension(string name)
    {
        foreach (var ext in Formats)
            if (name.EndsWith(ext, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>The file's pixels as (H, W, channels) bytes, with the channels it holds (1 to 4).</summary>
    public static (byte[] Pixels, int Width, int Height, int Channels) Decode(string path)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (FileNotFoundException) { throw new FileNotFoundException($"No such image file: '{path}'.", path); }
        catch (DirectoryNotFoundException) { throw new FileNotFoundException($"No such image file: '{path}' (its folder does not exist).", path); }
        if (bytes.Length == 0) throw Damaged(path, "the file is empty");
        if (IsJpeg(bytes) && !JpegEnds(bytes)) throw Damaged(path, "the JPEG data is truncated (no end-of-image marker after the scan)");
        ImageResult image;
        try { image = ImageResult.FromMemory(bytes, ColorComponents.Default); }
        catch (Exception e) when (e is not OutOfMemoryException) { throw Damaged(path, Reason(e), e); }
        int channels = (int)image.Comp;
        if (image.Width <= 0 || image.Height <= 0 || image.Data is null || image.Data.Length != (long)image.Width * image.Height * channels)
            throw Damaged(path, "the decoder returned no pixels");
        return (image.Data, image.Width, image.Height, channels);
    }

    private static InvalidDataException Damaged(string path, string reason, Exception? inner = null) =>
        new($"Could not decode image file '{path}': {reason}. Expected a PNG, JPEG, BMP or GIF image; the file is damaged or is not an image of a supported kind.", inner);

    /// <summary>stb's failure reason ("bad png sig", "unknown image type", ...), or the exception's message.</summary>
    private static string Reason(Exception e) => e.Message switch
    {
        "unknown image type" => "not a PNG, JPEG, BMP or GIF file (unknown image type)",
        var m => m,
    };

    private static bool IsJpeg(byte[] b) => b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF;

    /// <summary>
    /// True when an end-of-image marker (FF D9) follows the first start-of-scan marker (FF DA), found by walking the
    /// segments before it by their lengths (an EXIF thumbnail inside APP1 holds markers of its own). Inside the scan's
    /// entropy-coded data a 0xFF byte is followed by 0x00 or a restart marker, so FF D9 there is the real end. stb
    /// decodes a truncated JPEG without complaint (filling the rest), where libjpeg and PIL refuse it. A header that
    /// does not walk is left to the decoder to refuse.
    /// </summary>
    private static bool JpegEnds(byte[] b)
    {
        int i = 2;
        while (i + 4 <= b.Length && b[i] == 0xFF)
        {
            byte marker = b[i + 1];
            if (marker == 0xFF) { i++; continue; }
            if (marker == 0xDA) return b.AsSpan(i + 2).IndexOf([(byte)0xFF, (byte)0xD9]) >= 0;
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7)) { i += 2; continue; }
            i += 2 + (b[i + 2] << 8 | b[i + 3]);
        }
        return i + 4 <= b.Length;
    }
}
