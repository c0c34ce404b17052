using NotebookNN.Images;
using NotebookNN.Plotting;

namespace NotebookNN.Formatting;

/// <summary>
/// A loaded image as a notebook shows a PIL image: the picture itself (as RGB; alpha dropped), small ones drawn
/// larger with square pixels, its repr as the alternative text.
/// </summary>
internal static class LoadedImageHtml
{
    private const int MinimumWidth = 128;

    public static string Render(LoadedImage image)
    {
        var rgb = ColorMode.Convert(image.Pixels, image.Width * image.Height, image.Channels, 3);
        int scale = Math.Max(1, MinimumWidth / image.Width);
        return $"<img src=\"{PngEncoder.DataUri(PngEncoder.Encode(rgb, image.Width, image.Height))}\" width=\"{image.Width * scale}\" " +
            $"height=\"{image.Height * scale}\" style=\"image-rendering:pixelated\" alt=\"{Html.Escape(image.ToString())}\"/>";
    }
}
