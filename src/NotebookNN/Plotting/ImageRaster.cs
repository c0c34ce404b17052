using NotebookNN.Tensors;

namespace NotebookNN.Plotting;

/// <summary>
/// Turns one image tensor into RGB pixels as matplotlib's <c>imshow</c> does: a 2-D (or (H, W, 1)) image is scaled
/// linearly from its own min..max (or the given <c>vmin</c>/<c>vmax</c>) to [0, 1] and coloured by the colormap;
/// an (H, W, 3) image is RGB, taken as 0..1 floats, or as 0..255 values (as after <c>astype("uint8")</c>) when any
/// value exceeds 1; out-of-range values are clipped.
/// </summary>
internal static class ImageRaster
{
    public static (byte[] Rgb, int Width, int Height) ToRgb(Tensor image, Colormap cmap, double? vmin = null, double? vmax = null)
    {
        var dims = image.Shape.Dims;
        bool rgb = dims.Length == 3 && dims[2] == 3;
        if (!(dims.Length == 2 || (dims.Length == 3 && dims[2] is 1 or 3)))
            throw new ArgumentException($"Invalid shape {image.Shape} for image data: expected (H, W), (H, W, 1) or (H, W, 3).", nameof(image));
        int h = dims[0], w = dims[1];
        var v = image.Contiguous().ToArray();
        var px = new byte[h * w * 3];
        if (rgb)
        {
            double scale = v.Any(x => x > 1) ? 1 : 255;
            for (int i = 0; i < px.Length; i++) px[i] = (byte)Math.Clamp(Math.Round(v[i] * scale), 0, 255);
            return (px, w, h);
        }
        double lo = vmin ?? v.Where(float.IsFinite).DefaultIfEmpty(0).Min(), hi = vmax ?? v.Where(float.IsFinite).DefaultIfEmpty(0).Max();
        for (int i = 0; i < h * w; i++)
        {
            double x = hi > lo ? (v[i] - lo) / (hi - lo) : 0;
            var (r, g, b) = cmap.Map(x);
            px[3 * i] = r; px[3 * i + 1] = g; px[3 * i + 2] = b;
        }
        return (px, w, h);
    }
}
