using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NotebookNN.Compute.Pooling;

/// <summary>
/// Average pooling of one window, channels in 8-float vectors with a scalar tail. The mean is over the window's cells
/// inside the input (padding is not counted, as TensorFlow's "same" average pooling); backward gives each of those
/// cells the output gradient divided by that count.
/// </summary>
internal unsafe struct AveragePoolWindow : IPoolWindow<AveragePoolWindow>
{
    private float* X, Y, Dy, Dx;
    private int Width, Channels;

    public static AveragePoolWindow Create(float* x, float* y, float* index, float* dy, float* dx, in PoolGeometry geometry) =>
        new() { X = x, Y = y, Dy = dy, Dx = dx, Width = geometry.Width, Channels = geometry.Channels };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public readonly void Forward(long sample, long output, int rowStart, int rowEnd, int colStart, int colEnd)
    {
        int c = 0, n = Channels;
        float* x = X + sample, y = Y + output;
        float scale = 1f / ((rowEnd - rowStart) * (colEnd - colStart));
        for (; c <= n - 8; c += 8)
        {
            var s = Vector256<float>.Zero;
            for (int h = rowStart; h < rowEnd; h++)
                for (int w = colStart; w < colEnd; w++)
                    s += Vector256.Load(x + ((long)h * Width + w) * n + c);
            (s * scale).Store(y + c);
        }
        for (; c < n; c++)
        {
            float s = 0f;
            for (int h = rowStart; h < rowEnd; h++)
                for (int w = colStart; w < colEnd; w++)
                    s += x[((long)h * Width + w) * n + c];
            y[c] = s * scale;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public readonly void Backward(long sample, long output, int rowStart, int rowEnd, int colStart, int colEnd, bool accumulate)
    {
        int c = 0, n = Channels;
        float* dx = Dx + sample, dy = Dy + output;
        float scale = 1f / ((rowEnd - rowStart) * (colEnd - colStart));
        for (; c <= n - 8; c += 8)
        {
            var share = Vector256.Load(dy + c) * scale;
            for (int h = rowStart; h < rowEnd; h++)
                for (int w = colStart; w < colEnd; w++)
                {
                    float* p = dx + ((long)h * Width + w) * n + c;
                    (accumulate ? Vector256.Load(p) + share : share).Store(p);
                }
        }
        for (; c < n; c++)
        {
            float share = dy[c] * scale;
            for (int h = rowStart; h < rowEnd; h++)
                for (int w = colStart; w < colEnd; w++)
                {
                    float* p = dx + ((long)h * Width + w) * n + c;
                    *p = accumulate ? *p + share : share;
                }
        }
    }
}
