namespace NotebookNN.Images;

/// <summary>
/// Keras's <c>color_mode</c> ("grayscale", "rgb", "rgba") as a channel count, and the conversions between decoded
/// pixels and that many channels, as PIL's <c>convert</c> does them: grayscale from colour is ITU-R 601-2 luma with
/// PIL's integer weights, alpha is dropped going to RGB or L, and opaque alpha (255) is added going to RGBA.
/// </summary>
internal static class ColorMode
{
    /// <summary>1, 3 or 4 for "grayscale", "rgb", "rgba"; an error naming the valid modes otherwise.</summary>
    public static int Channels(string colorMode) => colorMode switch
    {
        "grayscale" => 1,
        "rgb" => 3,
        "rgba" => 4,
        _ => throw new ArgumentException($"`color_mode` must be one of {{\"rgb\", \"rgba\", \"grayscale\"}}. Received: color_mode={colorMode}", nameof(colorMode)),
    };

    /// <summary>PIL's mode name for a channel count.</summary>
    public static string PilName(int channels) => channels switch { 1 => "L", 3 => "RGB", _ => "RGBA" };

    /// <summary>
    /// <paramref name="source"/> (<paramref name="from"/> channels: 1 grey, 2 grey + alpha, 3 RGB, 4 RGBA) as
    /// <paramref name="to"/> channels (1, 3 or 4); the same array when nothing changes.
    /// </summary>
    public static byte[] Convert(byte[] source, int pixels, int from, int to)
    {
        if (from == to) return source;
        var result = new byte[pixels * to];
        for (int p = 0; p < pixels; p++)
        {
            var s = source.AsSpan(p * from, from);
            var d = result.AsSpan(p * to, to);
            byte alpha = from is 2 or 4 ? s[^1] : (byte)255;
            if (to == 1) d[0] = from <= 2 ? s[0] : Luma(s[0], s[1], s[2]);
            else
            {
                if (from <= 2) d[..3].Fill(s[0]);
                else s[..3].CopyTo(d);
                if (to == 4) d[3] = alpha;
            }
        }
        return result;
    }

    /// <summary>PIL's "L" from RGB: (R·19595 + G·38470 + B·7471 + 2¹⁵) / 2¹⁶, i.e. 0.299 R + 0.587 G + 0.114 B rounded.</summary>
    public static byte Luma(byte r, byte g, byte b) => (byte)((r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16);
}
