namespace NotebookNN.Images;

/// <summary>
/// PIL's <c>Image.resize</c> on 8-bit pixels, as Keras's <c>load_img(target_size=...)</c> calls it.
/// <list type="bullet">
/// <item>nearest (Keras's default): the source position starts at half a step and advances by in/out per pixel, in
/// double precision, truncated to an index, as PIL's affine scaling steps through it.</item>
/// <item>bilinear: PIL's separable convolution with the triangle filter, widened by the scale when shrinking (so a
/// downscale averages every pixel it covers, unlike TensorFlow's), with the weights in PIL's 22-bit fixed point and the
/// horizontal pass rounded to 8 bits before the vertical one. PIL premultiplies alpha for RGBA first; this does not.</item>
/// </list>
/// </summary>
internal static class PilResize
{
    /// <summary>The interpolations implemented, in Keras's spelling.</summary>
    public static readonly string[] Interpolations = ["nearest", "bilinear"];

    private const int PrecisionBits = 32 - 8 - 2;

    /// <summary>An error unless <paramref name="interpolation"/> is one of <see cref="Interpolations"/>.</summary>
    public static void Check(string interpolation)
    {
        if (Array.IndexOf(Interpolations, interpolation) < 0)
            throw new ArgumentException($"Invalid interpolation method {interpolation} specified. Supported methods are nearest, bilinear", nameof(interpolation));
    }

    /// <summary>(inH, inW, c) bytes resized to (outH, outW, c).</summary>
    public static byte[] Resize(byte[] input, int inH, int inW, int c, int outH, int outW, string interpolation)
    {
        if (inH == outH && inW == outW) return input;
        if (interpolation == "nearest") return Nearest(input, inH, inW, c, outH, outW);
        var rows = inW == outW ? input : Horizontal(input, inH, inW, c, outW);
        return inH == outH ? rows : Vertical(rows, inH, outW, c, outH);
    }

    private static byte[] Nearest(byte[] input, int inH, int inW, int c, int outH, int outW)
    {
        var xs = Steps(inW, outW);
        var ys = Steps(inH, outH);
        var output = new byte[outH * outW * c];
        for (int y = 0; y < outH; y++)
            for (int x = 0; x < outW; x++)
                input.AsSpan((ys[y] * inW + xs[x]) * c, c).CopyTo(output.AsSpan((y * outW + x) * c));
        return output;
    }

    /// <summary>The source index of each output position: start at scale/2, add scale each step, truncate.</summary>
    private static int[] Steps(int inSize, int outSize)
    {
        double scale = (double)inSize / outSize, at = scale * 0.5;
        var index = new int[outSize];
        for (int i = 0; i < outSize; i++, at += scale) index[i] = Math.Min((int)at, inSize - 1);
        return index;
    }

    private static byte[] Horizontal(byte[] input, int h, int inW, int c, int outW)
    {
        var (first, taps, weights, width) = Coefficients(inW, outW);
        var output = new byte[h * outW * c];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < outW; x++)
                for (int k = 0; k < c; k++)
                {
                    long sum = 1L << (PrecisionBits - 1);
                    for (int t = 0; t < taps[x]; t++) sum += input[(y * inW + first[x] + t) * c + k] * (long)weights[x * width + t];
                    output[(y * outW + x) * c + k] = Clip(sum);
                }
        return output;
    }

    private static byte[] Vertical(byte[] input, int inH, int w, int c, int outH)
    {
        var (first, taps, weights, width) = Coefficients(inH, outH);
        var output = new byte[outH * w * c];
        for (int y = 0; y < outH; y++)
            for (int i = 0; i < w * c; i++)
            {
                long sum = 1L << (PrecisionBits - 1);
                for (int t = 0; t < taps[y]; t++) sum += input[(first[y] + t) * w * c + i] * (long)weights[y * width + t];
                output[y * w * c + i] = Clip(sum);
            }
        return output;
    }

    private static byte Clip(long sum) => (byte)Math.Clamp(sum >> PrecisionBits, 0, 255);

    /// <summary>
    /// For each output position: the first input index, how many inputs it weighs, and the weights (triangle filter
    /// of support 1 scaled by max(in/out, 1), centred on (i + 0.5)·in/out, normalized to sum 1, then in fixed point).
    /// </summary>
    private static (int[] First, int[] Taps, int[] Weights, int Width) Coefficients(int inSize, int outSize)
    {
        double scale = (double)inSize / outSize, filterScale = Math.Max(scale, 1.0), support = filterScale, ss = 1.0 / filterScale;
        int width = (int)Math.Ceiling(support) * 2 + 1;
        var first = new int[outSize];
        var taps = new int[outSize];
        var weights = new int[outSize * width];
        var w = new double[width];
        for (int i = 0; i < outSize; i++)
        {
            double center = (i + 0.5) * scale;
            int lo = Math.Max((int)(center - support + 0.5), 0);
            int n = Math.Min((int)(center + support + 0.5), inSize) - lo;
            double total = 0;
            for (int t = 0; t < n; t++) total += w[t] = Math.Max(0, 1 - Math.Abs((t + lo - center + 0.5) * ss));
            for (int t = 0; t < n; t++)
            {
                double k = total != 0 ? w[t] / total : w[t];
                weights[i * width + t] = (int)(k * (1 << PrecisionBits) + (k < 0 ? -0.5 : 0.5));
            }
            first[i] = lo;
            taps[i] = n;
        }
        return (first, taps, weights, width);
    }
}
