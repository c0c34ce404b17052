using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using NotebookNN.Compute.Threading;

namespace NotebookNN.Compute.Drivers;

/// <summary>
/// Runs an <see cref="IBinaryOp"/>: z[i] = op(x[i], y[i]) with either operand a span or one scalar
/// (span∘span, span∘scalar, scalar∘span). Same structure as <see cref="UnaryDriver"/>; the output may alias an input.
/// Also hosts the ternary select used by <c>Tensor.Where</c>.
/// </summary>
internal static unsafe class BinaryDriver
{
    /// <summary>z[i] = TOp(x[i], y[i]).</summary>
    public static void Run<TOp>(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> z) where TOp : IBinaryOp
    {
        if (x.Length != z.Length || y.Length != z.Length)
            throw new ArgumentException($"Internal: binary op on spans of lengths {x.Length}, {y.Length} into {z.Length}.");
        fixed (float* px = x, py = y, pz = z) Dispatch<TOp, Span, Span>(px, py, pz, z.Length);
    }

    /// <summary>z[i] = TOp(x[i], y).</summary>
    public static void Run<TOp>(ReadOnlySpan<float> x, float y, Span<float> z) where TOp : IBinaryOp
    {
        if (x.Length != z.Length) throw new ArgumentException($"Internal: binary op on spans of lengths {x.Length} into {z.Length}.");
        fixed (float* px = x, pz = z) Dispatch<TOp, Span, Scalar>(px, &y, pz, z.Length);
    }

    /// <summary>z[i] = TOp(x, y[i]).</summary>
    public static void Run<TOp>(float x, ReadOnlySpan<float> y, Span<float> z) where TOp : IBinaryOp
    {
        if (y.Length != z.Length) throw new ArgumentException($"Internal: binary op on spans of lengths {y.Length} into {z.Length}.");
        fixed (float* py = y, pz = z) Dispatch<TOp, Scalar, Span>(&x, py, pz, z.Length);
    }

    private static void Dispatch<TOp, TX, TY>(float* x, float* y, float* z, int n)
        where TOp : IBinaryOp where TX : struct, IOperand where TY : struct, IOperand
    {
        if (n < ParallelThresholds.Elementwise) { Core<TOp, TX, TY>(x, y, z, n); return; }
        var body = new Body<TOp, TX, TY> { X = x, Y = y, Z = z, N = n };
        ComputePool.For(ParallelThresholds.Chunks(n), ref body);
    }

    private struct Body<TOp, TX, TY> : IParallelBody
        where TOp : IBinaryOp where TX : struct, IOperand where TY : struct, IOperand
    {
        public float* X, Y, Z;
        public int N;
        public void Invoke(int index)
        {
            int s = index * ParallelThresholds.ChunkElements;
            Core<TOp, TX, TY>(TX.At(X, s), TY.At(Y, s), Z + s, Math.Min(ParallelThresholds.ChunkElements, N - s));
        }
    }

    /// <summary>How an operand is read: a span (element i) or one scalar broadcast to every lane.</summary>
    internal interface IOperand
    {
        static abstract float* At(float* p, nint i);
        static abstract float Load(float* p, nint i);
        static abstract Vector256<float> Load256(float* p, nint i);
        static abstract Vector512<float> Load512(float* p, nint i);
    }

    internal readonly struct Span : IOperand
    {
        public static float* At(float* p, nint i) => p + i;
        public static float Load(float* p, nint i) => p[i];
        public static Vector256<float> Load256(float* p, nint i) => Vector256.Load(p + i);
        public static Vector512<float> Load512(float* p, nint i) => Vector512.Load(p + i);
    }

    internal readonly struct Scalar : IOperand
    {
        public static float* At(float* p, nint i) => p;
        public static float Load(float* p, nint i) => *p;
        public static Vector256<float> Load256(float* p, nint i) => Vector256.Create(*p);
        public static Vector512<float> Load512(float* p, nint i) => Vector512.Create(*p);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Core<TOp, TX, TY>(float* x, float* y, float* z, nint n)
        where TOp : IBinaryOp where TX : struct, IOperand where TY : struct, IOperand
    {
        nint i = 0;
        if (TOp.Vectorizable && Vector512.IsHardwareAccelerated)
        {
            for (; i <= n - 64; i += 64)
            {
                var r0 = TOp.Invoke(TX.Load512(x, i), TY.Load512(y, i));
                var r1 = TOp.Invoke(TX.Load512(x, i + 16), TY.Load512(y, i + 16));
                var r2 = TOp.Invoke(TX.Load512(x, i + 32), TY.Load512(y, i + 32));
                var r3 = TOp.Invoke(TX.Load512(x, i + 48), TY.Load512(y, i + 48));
                r0.Store(z + i); r1.Store(z + i + 16); r2.Store(z + i + 32); r3.Store(z + i + 48);
            }
            for (; i <= n - 16; i += 16) TOp.Invoke(TX.Load512(x, i), TY.Load512(y, i)).Store(z + i);
        }
        if (TOp.Vectorizable && Vector256.IsHardwareAccelerated)
        {
            for (; i <= n - 32; i += 32)
            {
                var r0 = TOp.Invoke(TX.Load256(x, i), TY.Load256(y, i));
                var r1 = TOp.Invoke(TX.Load256(x, i + 8), TY.Load256(y, i + 8));
                var r2 = TOp.Invoke(TX.Load256(x, i + 16), TY.Load256(y, i + 16));
                var r3 = TOp.Invoke(TX.Load256(x, i + 24), TY.Load256(y, i + 24));
                r0.Store(z + i); r1.Store(z + i + 8); r2.Store(z + i + 16); r3.Store(z + i + 24);
            }
            for (; i <= n - 8; i += 8) TOp.Invoke(TX.Load256(x, i), TY.Load256(y, i)).Store(z + i);
        }
        for (; i < n; i++) z[i] = TOp.Invoke(TX.Load(x, i), TY.Load(y, i));
    }

    /// <summary>z[i] = c[i] != 0 ? x[i] : y[i] (NaN in c counts as true, as numpy's bool(nan)).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Select(ReadOnlySpan<float> c, ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> z)
    {
        if (c.Length != z.Length || x.Length != z.Length || y.Length != z.Length)
            throw new ArgumentException("Internal: select on spans of different lengths.");
        nint n = z.Length, i = 0;
        fixed (float* pc = c, px = x, py = y, pz = z)
        {
            if (Vector512.IsHardwareAccelerated)
                for (; i <= n - 16; i += 16)
                {
                    var zero = Vector512.Equals(Vector512.Load(pc + i), Vector512<float>.Zero);
                    Vector512.ConditionalSelect(zero, Vector512.Load(py + i), Vector512.Load(px + i)).Store(pz + i);
                }
            if (Vector256.IsHardwareAccelerated)
                for (; i <= n - 8; i += 8)
                {
                    var zero = Vector256.Equals(Vector256.Load(pc + i), Vector256<float>.Zero);
                    Vector256.ConditionalSelect(zero, Vector256.Load(py + i), Vector256.Load(px + i)).Store(pz + i);
                }
            for (; i < n; i++) pz[i] = pc[i] == 0f ? py[i] : px[i];
        }
    }
}
