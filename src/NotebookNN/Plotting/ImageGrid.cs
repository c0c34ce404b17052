namespace NotebookNN.Plotting;

/// <summary>One picture of an <see cref="ImageGrid"/>: PNG bytes, pixel size and the title shown under it.</summary>
/// <param name="Png">The encoded PNG.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="Title">The caption, or null.</param>
public sealed record ImageTile(byte[] Png, int Width, int Height, string? Title);

/// <summary>
/// A grid of images (what <see cref="Plot.Images"/> returns): in a notebook an HTML grid of PNG data URIs with the
/// titles under them, <see cref="Columns"/> to a row, each drawn <see cref="Size"/> CSS pixels wide with sharp pixels.
/// </summary>
public sealed partial class ImageGrid(IReadOnlyList<ImageTile> tiles, int columns, int size)
{
    /// <summary>The pictures in order.</summary>
    public IReadOnlyList<ImageTile> Tiles { get; } = tiles;
    /// <summary>Pictures per row: the columns asked for, no more than there are pictures.</summary>
    public int Columns { get; } = Math.Min(columns, Math.Max(1, tiles.Count));
    /// <summary>Displayed width of each picture in CSS pixels.</summary>
    public int Size { get; } = size;

    /// <summary>A one-line description, e.g. <c>ImageGrid(25 images of 28×28, 5 columns)</c>, <c>ImageGrid(1 image of
    /// 28×28, 1 column)</c>.</summary>
    public override string ToString() =>
        $"ImageGrid({Plural(Tiles.Count, "image")}" + (Tiles.Count > 0 ? $" of {Tiles[0].Height}×{Tiles[0].Width}" : "") + $", {Plural(Columns, "column")})";

    private static string Plural(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
