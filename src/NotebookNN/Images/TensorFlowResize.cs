namespace NotebookNN.Images;

/// <summary>
/// <c>tf.image.resize</c> as <c>image_dataset_from_directory</c> calls it (antialias off, half-pixel centres), in
/// float32 as TensorFlow computes it: output pixel i samples the input at (i + 0.5) · in/out − 0.5. Bilinear blends
/// the two neighbours on each axis (positions clamped to the image, the blend weight taken before clamping);
/// nearest takes floor((i + 0.5) · in/out). The result is float32, not rounded, as TensorFlow returns it.
/// </summary>
internal static class TensorFlowResize
{
    /// <summary>The interpolations implemented, in Keras's spelling.</summary>
    public static readonly string[] Interpolations = ["bilinear", "nearest"];

    /// <summary>An error unless <paramref name="interpolation"/> is one of <see cref="Interpolations"/>.</summary>
    public static void Check(string interpolation)
    {
        if (Array.IndexOf(Interpolations, interpolation) < 0)
            throw new ArgumentException($"Argument `interpolation` should be one of ('bilinear', 'nearest'). Received: interpolation={interpolation}", nameof(interpolation));
    }

    /// <summary>(inH, inW, c) bytes resized into (outH, outW, c) floats written to <paramref name="output"/>.</summary>
    public static void Resize(ReadOnlySpan<byte> input, int inH, int inW, int c, Span<float> output, int outH, int outW, string interpolation)
    {
        if (interpolation == "nearest") Nearest(input, inH, inW, c, output, outH, outW);
        else Bilinear(input, inH, inW, c, output, outH, outW);
    }

    private static void Nearest(ReadOnlySpan<byte> input, int inH, int inW, int c, Span<float> output, int outH, int outW)
    {
        float sy = (float)inH / outH, sx = (float)inW / outW;
        for (int y = 0; y < outH; y++)
        {
            int iy = Math.Min((int)MathF.Floor((y + 0.5f) * sy), inH - 1);
            for (int x = 0; x < outW; x++)
            {
                int ix = Math.Min((int)MathF.Floor((x + 0.5f) * sx), inW - 1);
                var src = input.Slice((iy * inW + ix) * c, c);
                var dst = output.Slice((y * outW + x) * c, c);
                for (int k = 0; k < c; k++) dst[k] = src[k];
            }
        }
    }

    private static void Bilinear(ReadOnlySpan<byte> input, int inH, int inW, int c, Span<float> output, int outH, int outW)
    {
        var (x0, x1, xl) = Weights(inW, outW);
        var (y0, y1, yl) = Weights(inH, outH);
        for (int y = 0; y < outH; y++)
        {
            var top = input.Slice(y0[y] * inW * c, inW * c);
            var bottom = input.Slice(y1[y] * inW * c, inW * c);
            float ly = yl[y];
            for (int x = 0; x < outW; x++)
            {
                int a = x0[x] * c, b = x1[x] * c;
                float lx = xl[x];
                var dst = output.Slice((y * outW + x) * c, c);
                for (int k = 0; k < c; k++)
                {
                    float t = top[a + k] + (top[b + k] - top[a + k]) * lx;
                    float d = bottom[a + k] + (bottom[b + k] - bottom[a + k]) * lx;
                    dst[k] = t + (d - t) * ly;
                }
            }
        }
    }

    /// <summary>For each output position: the lower and upper input index (clamped) and the blend weight.</summary>
    private static (int[] Lower, int[] Upper, float[] Lerp) Weights(int inSize, int outSize)
    {
        float scale = (float)inSize / outSize;
        var lower = new int[outSize];
        var upper = new int[outSize];
        var lerp = new float[outSize];
        for (int i = 0; i < outSize; i++)
        {
            float at = (i + 0.5f) * scale - 0.5f;
            float floor = MathF.Floor(at);
            lower[i] = Math.Max((int)floor, 0);
            upper[i] = Math.Min((int)MathF.Ceiling(at), inSize - 1);
            lerp[i] = at - floor;
        }
        return (lower, upper, lerp);
    }
}
