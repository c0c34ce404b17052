using NotebookNN.Tensors;

namespace NotebookNN.Plotting;

/// <summary>
/// matplotlib-style pictures for notebooks: <see cref="Images"/> draws a batch as a grid with titles (the tutorials'
/// <c>plt.subplot</c> / <c>plt.imshow</c> / <c>plt.title</c> loop), <see cref="Image"/> one picture.
/// </summary>
public static partial class Plot
{
    /// <summary>
    /// A grid of the images in <paramref name="images"/>: shape (N, H, W) or (N, H, W, 1) with a colormap, or
    /// (N, H, W, 3) RGB; each scaled as <c>imshow</c> does (see <see cref="Colormap"/>).
    /// </summary>
    /// <param name="images">The batch of images.</param>
    /// <param name="cmap">matplotlib colormap name: <c>gray</c>, <c>gray_r</c>, <c>binary</c> or <c>viridis</c>.</param>
    /// <param name="labels">Titles under the images (one per image shown), or null.</param>
    /// <param name="columns">Images per row.</param>
    /// <param name="size">Displayed width of each image in CSS pixels.</param>
    /// <param name="limit">At most this many images are drawn (the first ones).</param>
    public static ImageGrid Images(Tensor images, string cmap = "gray", IReadOnlyList<string>? labels = null,
        int columns = 10, int size = 72, int limit = 100)
    {
        var dims = images.Shape.Dims;
        if (dims.Length is not (3 or 4) || (dims.Length == 4 && dims[3] is not (1 or 3)))
            throw new ArgumentException($"Plot.Images expects images of shape (N, H, W), (N, H, W, 1) or (N, H, W, 3). Received: shape={images.Shape}", nameof(images));
        if (columns < 1) throw new ArgumentException($"Argument `columns` must be positive. Received: columns={columns}", nameof(columns));
        if (size < 1) throw new ArgumentException($"Argument `size` must be positive. Received: size={size}", nameof(size));
        int n = Math.Min(dims[0], limit);
        if (labels is not null && labels.Count < n)
            throw new ArgumentException($"Expected one label per image shown ({n}). Received: {labels.Count} labels", nameof(labels));
        var map = Colormap.Get(cmap);
        var tiles = new List<ImageTile>(n);
        for (int i = 0; i < n; i++) tiles.Add(Tile(images[i], map, labels?[i]));
        return new ImageGrid(tiles, columns, size);
    }

    /// <summary>One image of shape (H, W), (H, W, 1) or (H, W, 3), with an optional title.</summary>
    /// <param name="image">The image.</param>
    /// <param name="cmap">matplotlib colormap name for single-channel images.</param>
    /// <param name="title">The title under the image.</param>
    /// <param name="size">Displayed width in CSS pixels.</param>
    /// <param name="vmin">Value drawn as the colormap's start (default: the image's minimum).</param>
    /// <param name="vmax">Value drawn as the colormap's end (default: the image's maximum).</param>
    public static ImageGrid Image(Tensor image, string cmap = "gray", string? title = null, int size = 192,
        double? vmin = null, double? vmax = null)
    {
        if (size < 1) throw new ArgumentException($"Argument `size` must be positive. Received: size={size}", nameof(size));
        return new ImageGrid([Tile(image, Colormap.Get(cmap), title, vmin, vmax)], 1, size);
    }

    private static ImageTile Tile(Tensor image, Colormap map, string? title, double? vmin = null, double? vmax = null)
    {
        var (rgb, w, h) = ImageRaster.ToRgb(image, map, vmin, vmax);
        return new ImageTile(PngEncoder.Encode(rgb, w, h), w, h, title);
    }
}
