using NotebookNN.Compute.Threading;

namespace NotebookNN.Compute.Image;

/// <summary>
/// Resamples each image of a channels-last batch (batch, height, width, channels) through its own affine map from output
/// pixel (x = column, y = row) to input point: x' = m0·x + m1·y + m2, y' = m3·x + m4·y + m5 (Keras's transform rows,
/// without the projective part). The point is mapped by the fill mode, then read bilinearly (or the nearest pixel),
/// pixels outside the input reading the fill value — TensorFlow's ImageProjectiveTransformV3, which Keras uses.
/// </summary>
internal static unsafe class AffineTransform
{
    /// <summary>Transforms <c>batch</c> images into <c>output</c>; <c>maps</c> holds six coefficients per image.</summary>
    public static void Run(ReadOnlySpan<float> images, int batch, int height, int width, int channels, ReadOnlySpan<double> maps,
        FillMode fill, float fillValue, bool bilinear, Span<float> output)
    {
        fixed (float* x = images, y = output)
        fixed (double* m = maps)
        {
            var body = new Images { X = x, Y = y, Maps = m, H = height, W = width, C = channels, Fill = fill, FillValue = fillValue, Bilinear = bilinear };
            if ((long)batch * height * width * channels < Threading.ParallelThresholds.Elementwise)
                for (int b = 0; b < batch; b++) body.Invoke(b);
            else ComputePool.For(batch, ref body);
        }
    }

    private struct Images : IParallelBody
    {
        public float* X, Y;
        public double* Maps;
        public int H, W, C;
        public FillMode Fill;
        public float FillValue;
        public bool Bilinear;

        public readonly void Invoke(int b)
        {
            long size = (long)H * W * C;
            float* src = X + b * size, dst = Y + b * size;
            double* m = Maps + 6 * b;
            for (int row = 0; row < H; row++)
                for (int col = 0; col < W; col++)
                {
                    double sx = FillCoordinates.Map(m[0] * col + m[1] * row + m[2], W, Fill);
                    double sy = FillCoordinates.Map(m[3] * col + m[4] * row + m[5], H, Fill);
                    float* o = dst + ((long)row * W + col) * C;
                    if (Bilinear) Interpolate(src, sx, sy, o);
                    else
                    {
                        int rx = (int)Math.Round(sx, MidpointRounding.AwayFromZero), ry = (int)Math.Round(sy, MidpointRounding.AwayFromZero);
                        for (int c = 0; c < C; c++) o[c] = Read(src, ry, rx, c);
                    }
                }
        }

        private readonly void Interpolate(float* src, double sx, double sy, float* o)
        {
            double x0 = Math.Floor(sx), y0 = Math.Floor(sy);
            int ix = (int)x0, iy = (int)y0;
            double wx1 = sx - x0, wx0 = 1 - wx1, wy1 = sy - y0, wy0 = 1 - wy1;
            for (int c = 0; c < C; c++)
            {
                double top = wx0 * Read(src, iy, ix, c) + wx1 * Read(src, iy, ix + 1, c);
                double bottom = wx0 * Read(src, iy + 1, ix, c) + wx1 * Read(src, iy + 1, ix + 1, c);
                o[c] = (float)(wy0 * top + wy1 * bottom);
            }
        }

        private readonly float Read(float* src, int row, int col, int c) =>
            row >= 0 && row < H && col >= 0 && col < W ? src[((long)row * W + col) * C + c] : FillValue;
    }
}
