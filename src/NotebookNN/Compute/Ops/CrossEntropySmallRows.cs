using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NotebookNN.Compute.Ops;

/// <summary>
/// The fused cross-entropy row loops of <see cref="CrossEntropyRows"/> for rows of at most 16 classes (MNIST's 10,
/// iris's 3): one masked 512-bit vector per row instead of the drivers' max / exp / sum calls, each of which costs
/// more in call and tail overhead than the row's arithmetic (a batch of 512 ten-class rows: ~50 µs forward through
/// the drivers). Same formulas and the same vector exp; only the order of the row's sum differs.
/// </summary>
internal static class CrossEntropySmallRows
{
    /// <summary>Whether rows of <paramref name="classes"/> take this path on this machine.</summary>
    public static bool Applies(int classes) => classes <= 16 && Avx512F.IsSupported && Vector512.IsHardwareAccelerated;

    /// <summary>The in-row lanes of a row of <paramref name="classes"/> values.</summary>
    private static Vector512<float> Lanes(int classes) =>
        Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(classes)).AsSingle();

    /// <summary>
    /// Row i's max m and log Σ exp(x − m), or false when the max is not finite (the caller finishes the batch from that
    /// row on the general path, which defines the ±inf and NaN cases).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe bool LogSumExp(float* row, Vector512<float> lanes, out Vector512<float> x, out float m, out float logSum)
    {
        x = Avx512F.MaskLoad(row, lanes, Vector512.Create(float.NegativeInfinity));
        m = HorizontalMax(x);
        if (!float.IsFinite(m)) { logSum = 0f; return false; }
        // lanes past the row take exp(m − m) = 1, then 0: exp of −inf would underflow, and an underflowing vector
        // costs a microcode assist (the row loop ran ~4× slower)
        var mv = Vector512.Create(m);
        var e = Vector512.ConditionalSelect(lanes, VectorMath.Exp(Vector512.ConditionalSelect(lanes, x, mv) - mv), Vector512<float>.Zero);
        logSum = MathF.Log(Vector512.Sum(e));
        return true;
    }

    /// <summary>loss[i] = lse_i − x[i, label_i]; returns the rows done, stopping at the first whose max is not finite.</summary>
    public static unsafe int SparseForward(ReadOnlySpan<float> x, int classes, ReadOnlySpan<float> labels, Span<float> loss, Span<float> lse)
    {
        var lanes = Lanes(classes);
        fixed (float* px = x)
            for (int i = 0; i < loss.Length; i++)
            {
                float* row = px + (nint)i * classes;
                if (!LogSumExp(row, lanes, out _, out float m, out float logSum)) return i;
                lse[i] = m + logSum;
                loss[i] = (m - row[(int)labels[i]]) + logSum;
            }
        return loss.Length;
    }

    /// <summary>dx[i, :] = (exp(x[i, :] − lse_i) − onehot(label_i))·g_i.</summary>
    public static unsafe void SparseBackward(ReadOnlySpan<float> x, int classes, ReadOnlySpan<float> labels, ReadOnlySpan<float> lse,
        ReadOnlySpan<float> g, Span<float> dx)
    {
        var lanes = Lanes(classes);
        fixed (float* px = x, pd = dx)
            for (int i = 0; i < g.Length; i++)
            {
                nint at = (nint)i * classes;
                var l = Vector512.Create(lse[i]);
                var v = Avx512F.MaskLoad(px + at, lanes, l); // exp(0) past the row: no underflow (see LogSumExp)
                Avx512F.MaskStore(pd + at, lanes, VectorMath.Exp(v - l) * g[i]);
                pd[at + (int)labels[i]] -= g[i];
            }
    }

    /// <summary>loss[i] = lse_i·Σz_i − Σ z_i·x_i; returns the rows done, as <see cref="SparseForward"/>.</summary>
    public static unsafe int DenseForward(ReadOnlySpan<float> x, ReadOnlySpan<float> z, int classes, Span<float> loss, Span<float> lse, Span<float> zSum)
    {
        var lanes = Lanes(classes);
        fixed (float* px = x, pz = z)
            for (int i = 0; i < loss.Length; i++)
            {
                nint at = (nint)i * classes;
                if (!LogSumExp(px + at, lanes, out var xv, out float m, out float logSum)) return i;
                var zv = Avx512F.MaskLoad(pz + at, lanes, Vector512<float>.Zero);
                lse[i] = m + logSum;
                zSum[i] = Vector512.Sum(zv);
                // masked-out lanes of x are −inf; z is 0 there, so select before multiplying
                float dot = Vector512.Sum(zv * Vector512.ConditionalSelect(lanes, xv, Vector512<float>.Zero));
                loss[i] = zSum[i] * logSum + (m * zSum[i] - dot);
            }
        return loss.Length;
    }

    /// <summary>dx[i, :] = (softmax(x_i)·Σz_i − z_i)·g_i.</summary>
    public static unsafe void DenseBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> z, int classes, ReadOnlySpan<float> lse,
        ReadOnlySpan<float> zSum, ReadOnlySpan<float> g, Span<float> dx)
    {
        var lanes = Lanes(classes);
        fixed (float* px = x, pz = z, pd = dx)
            for (int i = 0; i < g.Length; i++)
            {
                nint at = (nint)i * classes;
                var l = Vector512.Create(lse[i]);
                var v = Avx512F.MaskLoad(px + at, lanes, l); // exp(0) past the row: no underflow (see LogSumExp)
                var zv = Avx512F.MaskLoad(pz + at, lanes, Vector512<float>.Zero);
                var row = VectorMath.Exp(v - l) * (g[i] * zSum[i]);
                Avx512F.MaskStore(pd + at, lanes, Avx512F.FusedMultiplyAdd(zv, Vector512.Create(-g[i]), row));
            }
    }

    private static float HorizontalMax(Vector512<float> v)
    {
        var a = Vector256.Max(v.GetLower(), v.GetUpper());
        var b = Vector128.Max(a.GetLower(), a.GetUpper());
        b = Vector128.Max(b, Vector128.Shuffle(b, Vector128.Create(2, 3, 0, 1)));
        b = Vector128.Max(b, Vector128.Shuffle(b, Vector128.Create(1, 0, 3, 2)));
        return b.ToScalar();
    }
}
