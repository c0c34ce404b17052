namespace NotebookNN.Compute.Image;

/// <summary>How a transformed image is filled where its source lies outside the input (TensorFlow's
/// ImageProjectiveTransform, which Keras's image layers use).</summary>
internal enum FillMode
{
    /// <summary>(d c b a | a b c d | d c b a): mirrored about the edge of the last pixel.</summary>
    Reflect,
    /// <summary>(k k k k | a b c d | k k k k): a constant value.</summary>
    Constant,
    /// <summary>(a a a a | a b c d | d d d d): the nearest edge pixel.</summary>
    Nearest,
    /// <summary>(a b c d | a b c d | a b c d): the image repeated.</summary>
    Wrap,
}

/// <summary>Source coordinates mapped into the input by a <see cref="FillMode"/>, as TensorFlow maps them before
/// interpolating.</summary>
internal static class FillCoordinates
{
    public static FillMode Parse(string name) => name switch
    {
        "reflect" => FillMode.Reflect,
        "constant" => FillMode.Constant,
        "nearest" => FillMode.Nearest,
        "wrap" => FillMode.Wrap,
        _ => throw new ArgumentException($"Unknown `fill_mode` {name}. Expected of one ('reflect', 'wrap', 'constant', 'nearest')."),
    };

    /// <summary>The coordinate <paramref name="c"/> on an axis of <paramref name="length"/> pixels after the fill rule
    /// (constant leaves it, so reads outside give the fill value).</summary>
    public static double Map(double c, int length, FillMode mode)
    {
        switch (mode)
        {
            case FillMode.Reflect:
                if (length <= 1) return 0;
                double period = 2.0 * length;
                if (c < 0)
                {
                    if (c < -period) c += period * Math.Truncate(-c / period);
                    c = c < -length ? c + period : -c - 1;
                }
                else if (c > length - 1)
                {
                    c -= period * Math.Truncate(c / period);
                    if (c >= length) c = period - c - 1;
                }
                return Math.Clamp(c, 0, length - 1);
            case FillMode.Wrap:
                if (length <= 1) return 0;
                if (c < 0) c += length * (Math.Truncate(-c / (length - 1)) + 1);
                else if (c > length - 1) c -= length * Math.Truncate(c / (length - 1));
                return Math.Clamp(c, 0, length - 1);
            case FillMode.Nearest:
                return Math.Clamp(c, 0, length - 1);
            default:
                return c;
        }
    }
}
