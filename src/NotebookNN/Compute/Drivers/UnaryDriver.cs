using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using NotebookNN.Compute.Threading;

namespace NotebookNN.Compute.Drivers;

/// <summary>
/// Runs an <see cref="IUnaryOp"/> over a span: y[i] = op(x[i]). The only place with the unary loop: widest
/// accelerated width (512, then 256 bits, then scalar), 4× unrolled main loop, one narrower vector step and a
/// scalar remainder for the tail (so x and y may be the same span), large inputs split across the cores.
/// </summary>
internal static unsafe class UnaryDriver
{
    /// <summary>y[i] = TOp(x[i]) for every i; x and y must have the same length and may be the same span.</summary>
    public static void Run<TOp>(ReadOnlySpan<float> x, Span<float> y) where TOp : IUnaryOp
    {
        if (x.Length != y.Length)
            throw new ArgumentException($"Internal: unary op on spans of lengths {x.Length} and {y.Length}.");
        fixed (float* px = x, py = y)
        {
            if (x.Length < ParallelThresholds.Elementwise) { Core<TOp>(px, py, x.Length); return; }
            var body = new Body<TOp> { X = px, Y = py, N = x.Length };
            ComputePool.For(ParallelThresholds.Chunks(x.Length), ref body);
        }
    }

    private struct Body<TOp> : IParallelBody where TOp : IUnaryOp
    {
        public float* X, Y;
        public int N;
        public void Invoke(int index)
        {
            int start = index * ParallelThresholds.ChunkElements;
            Core<TOp>(X + start, Y + start, Math.Min(ParallelThresholds.ChunkElements, N - start));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Core<TOp>(float* x, float* y, nint n) where TOp : IUnaryOp
    {
        nint i = 0;
        if (TOp.Vectorizable && Vector512.IsHardwareAccelerated)
        {
            for (; i <= n - 64; i += 64)
            {
                var a0 = Vector512.Load(x + i); var a1 = Vector512.Load(x + i + 16);
                var a2 = Vector512.Load(x + i + 32); var a3 = Vector512.Load(x + i + 48);
                TOp.Invoke(a0).Store(y + i); TOp.Invoke(a1).Store(y + i + 16);
                TOp.Invoke(a2).Store(y + i + 32); TOp.Invoke(a3).Store(y + i + 48);
            }
            for (; i <= n - 16; i += 16) TOp.Invoke(Vector512.Load(x + i)).Store(y + i);
        }
        if (TOp.Vectorizable && Vector256.IsHardwareAccelerated)
        {
            for (; i <= n - 32; i += 32)
            {
                var a0 = Vector256.Load(x + i); var a1 = Vector256.Load(x + i + 8);
                var a2 = Vector256.Load(x + i + 16); var a3 = Vector256.Load(x + i + 24);
                TOp.Invoke(a0).Store(y + i); TOp.Invoke(a1).Store(y + i + 8);
                TOp.Invoke(a2).Store(y + i + 16); TOp.Invoke(a3).Store(y + i + 24);
            }
            for (; i <= n - 8; i += 8) TOp.Invoke(Vector256.Load(x + i)).Store(y + i);
        }
        for (; i < n; i++) y[i] = TOp.Invoke(x[i]);
    }
}
