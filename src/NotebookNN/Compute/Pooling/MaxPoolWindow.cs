using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NotebookNN.Compute.Pooling;

/// <summary>
/// Max pooling of one window, channels in 8-float vectors (up to four at a time) with a scalar tail. Forward: the largest
/// value of each channel over the window (NaN propagates). Under a tape the forward also keeps, per output, which cell
/// of its window (row-major over the window clipped to the input) held the first maximum, as a float in the index
/// tensor (-1 when the window holds a NaN); backward then writes each window cell once from the output gradient and
/// that index (dy where the cell is the kept one, else 0), without reading the input or the output again.
/// </summary>
internal unsafe struct MaxPoolWindow : IPoolWindow<MaxPoolWindow>
{
    private float* X, Y, Index, Dy, Dx;
    private int Width, Channels;

    public static bool UsesIndex => true;

    public static MaxPoolWindow Create(float* x, float* y, float* index, float* dy, float* dx, in PoolGeometry geometry) =>
        new() { X = x, Y = y, Index = index, Dy = dy, Dx = dx, Width = geometry.Width, Channels = geometry.Channels };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public readonly void Forward(long sample, long output, int rowStart, int rowEnd, int colStart, int colEnd)
    {
        if (Index != null) { ForwardIndexed(sample, output, rowStart, rowEnd, colStart, colEnd); return; }
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

    /// <summary>The maximum and the window cell of its first occurrence: the first cell starts both, and a later cell
    /// takes the index only when strictly greater; a NaN anywhere makes the maximum NaN and the index -1.</summary>
    private readonly void ForwardIndexed(long sample, long output, int rowStart, int rowEnd, int colStart, int colEnd)
    {
        int c = 0, n = Channels;
        float* x = X + sample, y = Y + output, index = Index + output;
        float* first = x + ((long)rowStart * Width + colStart) * n;
        for (; c <= n - 32; c += 32)
        {
            var m0 = Vector256.Load(first + c);
            var m1 = Vector256.Load(first + c + 8);
            var m2 = Vector256.Load(first + c + 16);
            var m3 = Vector256.Load(first + c + 24);
            var (i0, i1, i2, i3) = (Vector256<float>.Zero, Vector256<float>.Zero, Vector256<float>.Zero, Vector256<float>.Zero);
            int k = 0;
            for (int h = rowStart; h < rowEnd; h++)
                for (int w = colStart; w < colEnd; w++, k++)
                {
                    float* p = x + ((long)h * Width + w) * n + c;
                    var kk = Vector256.Create((float)k);
                    Take(ref m0, ref i0, Vector256.Load(p), kk);
                    Take(ref m1, ref i1, Vector256.Load(p + 8), kk);
                    Take(ref m2, ref i2, Vector256.Load(p + 16), kk);
                    Take(ref m3, ref i3, Vector256.Load(p + 24), kk);
                }
            m0.Store(y + c); m1.Store(y + c + 8); m2.Store(y + c + 16); m3.Store(y + c + 24);
            NanToMinusOne(m0, i0).Store(index + c);
            NanToMinusOne(m1, i1).Store(index + c + 8);
            NanToMinusOne(m2, i2).Store(index + c + 16);
            NanToMinusOne(m3, i3).Store(index + c + 24);
        }
        for (; c <= n - 16; c += 16)
        {
            var m0 = Vector256.Load(first + c);
            var m1 = Vector256.Load(first + c + 8);
            var (i0, i1) = (Vector256<float>.Zero, Vector256<float>.Zero);
            int k = 0;
            for (int h = rowStart; h < rowEnd; h++)
                for (int w = colStart; w < colEnd; w++, k++)
                {
                    float* p = x + ((long)h * Width + w) * n + c;
                    var kk = Vector256.Create((float)k);
                    Take(ref m0, ref i0, Vector256.Load(p), kk);
                    Take(ref m1, ref i1, Vector256.Load(p + 8), kk);
                }
            m0.Store(y + c);
            m1.Store(y + c + 8);
            NanToMinusOne(m0, i0).Store(index + c);
            NanToMinusOne(m1, i1).Store(index + c + 8);
        }
        for (; c <= n - 8; c += 8)
        {
            var m = Vector256.Load(first + c);
            var i = Vector256<float>.Zero;
            int k = 0;
            for (int h = rowStart; h < rowEnd; h++)
                for (int w = colStart; w < colEnd; w++, k++)
                {
                    Take(ref m, ref i, Vector256.Load(x + ((long)h * Width + w) * n + c), Vector256.Create((float)k));
                }
            m.Store(y + c);
            NanToMinusOne(m, i).Store(index + c);
        }
        for (; c < n; c++)
        {
            float m = first[c], i = 0f;
            int k = 0;
            for (int h = rowStart; h < rowEnd; h++)
                for (int w = colStart; w < colEnd; w++, k++)
                {
                    float v = x[((long)h * Width + w) * n + c];
                    if (v > m) i = k;
                    m = MathF.Max(m, v);
                }
            y[c] = m;
            index[c] = float.IsNaN(m) ? -1f : i;
        }
    }

    /// <summary>One cell <paramref name="v"/> (window cell <paramref name="k"/>) into a running maximum and its index.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Take(ref Vector256<float> m, ref Vector256<float> index, Vector256<float> v, Vector256<float> k)
    {
        index = Vector256.ConditionalSelect(Vector256.GreaterThan(v, m), k, index);
        m = Vector256.Max(m, v);
    }

    private static Vector256<float> NanToMinusOne(Vector256<float> m, Vector256<float> index) =>
        Vector256.ConditionalSelect(Vector256.Equals(m, m), index, Vector256.Create(-1f));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public readonly void Backward(long sample, long output, int rowStart, int rowEnd, int colStart, int colEnd, bool accumulate)
    {
        int c = 0, n = Channels;
        float* dx = Dx + sample, dy = Dy + output, index = Index + output;
        for (; c <= n - 16; c += 16)
        {
            var g0 = Vector256.Load(dy + c);
            var g1 = Vector256.Load(dy + c + 8);
            var i0 = Vector256.Load(index + c);
            var i1 = Vector256.Load(index + c + 8);
            int k = 0;
            for (int h = rowStart; h < rowEnd; h++)
                for (int w = colStart; w < colEnd; w++, k++)
                {
                    float* p = dx + ((long)h * Width + w) * n + c;
                    var kk = Vector256.Create((float)k);
                    var s0 = Vector256.Equals(i0, kk) & g0;
                    var s1 = Vector256.Equals(i1, kk) & g1;
                    if (accumulate) { s0 += Vector256.Load(p); s1 += Vector256.Load(p + 8); }
                    s0.Store(p);
                    s1.Store(p + 8);
                }
        }
        for (; c <= n - 8; c += 8)
        {
            var g = Vector256.Load(dy + c);
            var i = Vector256.Load(index + c);
            int k = 0;
            for (int h = rowStart; h < rowEnd; h++)
                for (int w = colStart; w < colEnd; w++, k++)
                {
                    float* p = dx + ((long)h * Width + w) * n + c;
                    var s = Vector256.Equals(i, Vector256.Create((float)k)) & g;
                    (accumulate ? Vector256.Load(p) + s : s).Store(p);
                }
        }
        for (; c < n; c++)
        {
            int k = 0;
            for (int h = rowStart; h < rowEnd; h++)
                for (int w = colStart; w < colEnd; w++, k++)
                {
                    long at = ((long)h * Width + w) * n + c;
                    float share = index[c] == k ? dy[c] : 0f;
                    dx[at] = accumulate ? dx[at] + share : share;
                }
        }
    }
}
