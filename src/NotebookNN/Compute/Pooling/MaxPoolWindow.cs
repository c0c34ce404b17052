using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NotebookNN.Compute.Pooling;

/// <summary>
/// Max pooling of one window, channels in 8-float vectors (four at a time) with a scalar tail. Forward: the largest
/// value of each channel over the window (NaN propagates). Backward: the output gradient goes to the first input cell,
/// in row-major window order, that equals the window's maximum (the cell the forward pass picked); the rest get 0.
/// </summary>
internal unsafe struct MaxPoolWindow : IPoolWindow<MaxPoolWindow>
{
    private float* X, Y, Dy, Dx;
    private int Width, Channels;

    public static MaxPoolWindow Create(float* x, float* y, float* dy, float* dx, in PoolGeometry geometry) =>
        new() { X = x, Y = y, Dy = dy, Dx = dx, Width = geometry.Width, Channels = geometry.Channels };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public readonly void Forward(long sample, long output, int rowStart, int rowEnd, int colStart, int colEnd)
    {
        int c = 0, n = Channels;
        float* x = X + sample, y = Y + output;
        for (; c <= n - 32; c += 32)
        {
            var m0 = Vector256.Create(float.NegativeInfinity);
            var (m1, m2, m3) = (m0, m0, m0);
            for (int h = rowStart; h < rowEnd; h++)
                for (int w = colStart; w < colEnd; w++)
                {
                    float* p = x + ((long)h * Width + w) * n + c;
                    m0 = Vector256.Max(m0, Vector256.Load(p)); m1 = Vector256.Max(m1, Vector256.Load(p + 8));
                    m2 = Vector256.Max(m2, Vector256.Load(p + 16)); m3 = Vector256.Max(m3, Vector256.Load(p + 24));
                }
            m0.Store(y + c); m1.Store(y + c + 8); m2.Store(y + c + 16); m3.Store(y + c + 24);
        }
        for (; c <= n - 8; c += 8)
        {
            var m = Vector256.Create(float.NegativeInfinity);
            for (int h = rowStart; h < rowEnd; h++)
                for (int w = colStart; w < colEnd; w++)
                    m = Vector256.Max(m, Vector256.Load(x + ((long)h * Width + w) * n + c));
            m.Store(y + c);
        }
        for (; c < n; c++)
        {
            float m = float.NegativeInfinity;
            for (int h = rowStart; h < rowEnd; h++)
                for (int w = colStart; w < colEnd; w++)
                    m = MathF.Max(m, x[((long)h * Width + w) * n + c]);
            y[c] = m;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public readonly void Backward(long sample, long output, int rowStart, int rowEnd, int colStart, int colEnd, bool accumulate)
    {
        int c = 0, n = Channels;
        float* x = X + sample, dx = Dx + sample, y = Y + output, dy = Dy + output;
        for (; c <= n - 8; c += 8)
        {
            var m = Vector256.Load(y + c);
            var g = Vector256.Load(dy + c);
            var taken = Vector256<float>.Zero;
            for (int h = rowStart; h < rowEnd; h++)
                for (int w = colStart; w < colEnd; w++)
                {
                    long at = ((long)h * Width + w) * n + c;
                    var hit = Vector256.AndNot(Vector256.Equals(Vector256.Load(x + at), m), taken);
                    taken |= hit;
                    var share = hit & g;
                    (accumulate ? Vector256.Load(dx + at) + share : share).Store(dx + at);
                }
        }
        for (; c < n; c++)
        {
            bool taken = false;
            for (int h = rowStart; h < rowEnd; h++)
                for (int w = colStart; w < colEnd; w++)
                {
                    long at = ((long)h * Width + w) * n + c;
                    bool hit = !taken && x[at] == y[c];
                    taken |= hit;
                    float share = hit ? dy[c] : 0f;
                    dx[at] = accumulate ? dx[at] + share : share;
                }
        }
    }
}
