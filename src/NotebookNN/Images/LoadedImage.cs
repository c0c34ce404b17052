namespace NotebookNN.Images;

/// <summary>
/// An image read from a file by <see cref="Utils.LoadImg"/>: what Keras's <c>load_img</c> returns (a PIL image),
/// 8-bit pixels row by row, channels last. <see cref="Utils.ImgToArray"/> turns it into a float32 (H, W, C) tensor.
/// </summary>
public sealed partial class LoadedImage
{
    internal LoadedImage(byte[] pixels, int width, int height, int channels)
    {
        Pixels = pixels;
        Width = width;
        Height = height;
        Channels = channels;
    }

    /// <summary>The pixels, (Height, Width, Channels) in row-major order.</summary>
    internal byte[] Pixels { get; }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Values per pixel: 1 (grayscale), 3 (RGB) or 4 (RGBA).</summary>
    public int Channels { get; }

    /// <summary>PIL's <c>size</c>: (width, height).</summary>
    public (int Width, int Height) Size => (Width, Height);

    /// <summary>PIL's <c>mode</c>: "L", "RGB" or "RGBA".</summary>
    public string Mode => ColorMode.PilName(Channels);

    /// <summary>PIL's repr: <c>&lt;PIL.Image.Image image mode=RGB size=32x32&gt;</c>.</summary>
    public override string ToString() => $"<PIL.Image.Image image mode={Mode} size={Width}x{Height}>";
}
