namespace NotebookNN.Compute.Image;

/// <summary>Source coordinates mapped into the input by a <see cref="FillMode"/>, as TensorFlow maps them before
/// interpolating.</summary>
internal static class FillCoordinates
{
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
