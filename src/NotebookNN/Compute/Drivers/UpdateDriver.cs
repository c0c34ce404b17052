using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using NotebookNN.Compute.Threading;

namespace NotebookNN.Compute.Drivers;

/// <summary>
/// Runs an <see cref="IUpdateOp"/> (an optimizer's rule): one fused pass over a variable, its gradient and up to
/// three slots, updated in place 16 floats at a time, then a scalar tail. No allocation.
/// </summary>
/// <remarks>
/// The step is 16 floats on every SIMD machine: one Vector512 with AVX-512, two of the rule's Vector256 form without
/// (.NET runs Vector512 in software there, and through the rule's ref parameters that cost ~6×: Adam in the CNN's
/// training step at batch 32, 2.8 → 0.44 ms; bench/README, "cnn-profile"), so the elements left to the scalar form
/// are the last n mod 16 on every SIMD machine. A rule's scalar form may round differently from its vector form (Adam divides where the vector form multiplies by a reciprocal),
/// and with a 256-bit step the last 8 to 15 elements of a variable would change form with the hardware. Slot loads
/// and stores are skipped for absent slots (the branches are loop-invariant). Large variables are split in one
/// share per core (<see cref="ParallelThresholds.OptimizerUpdate"/>), the way the GEMM that wrote the gradient split
/// its rows.
/// </remarks>
internal static unsafe class UpdateDriver
{
    /// <summary>Tests: run the Vector256 form on an AVX-512 machine too (both forms then get checked there).</summary>
    internal static bool ForceVector256;

    public static void Run<TOp>(in TOp op, Span<float> variable, ReadOnlySpan<float> gradient,
        Span<float> slot0, Span<float> slot1, Span<float> slot2) where TOp : struct, IUpdateOp
    {
        int n = variable.Length;
        if (gradient.Length != n || !Fits(slot0, n) || !Fits(slot1, n) || !Fits(slot2, n))
            throw new InvalidOperationException($"Internal: optimizer update received spans of different lengths (variable {n}, gradient {gradient.Length}).");
        int parts = Parts(n);
        if (parts > 1)
        {
            fixed (float* pv = variable, pg = gradient, p0 = slot0, p1 = slot1, p2 = slot2)
            {
                var body = new Chunks<TOp>(op, n, parts, pv, pg, slot0.IsEmpty ? null : p0, slot1.IsEmpty ? null : p1, slot2.IsEmpty ? null : p2);
                ComputePool.For(parts, ref body);
            }
            return;
        }
        RunRange(op, variable, gradient, slot0, slot1, slot2);
    }

    private static int Parts(int n) => n < ParallelThresholds.OptimizerUpdate || ComputePool.Workers < 2 ? 1 : ComputePool.Workers;

    /// <summary>One share of the update (<c>Invoke(index)</c>), in whole 16-float vectors so no share splits one.</summary>
    private readonly struct Chunks<TOp>(TOp op, int n, int parts, float* v, float* g, float* s0, float* s1, float* s2) : IParallelBody
        where TOp : struct, IUpdateOp
    {
        public void Invoke(int index)
        {
            int start = Bound(index), end = Bound(index + 1);
            int len = end - start;
            RunRange(op, new Span<float>(v + start, len), new ReadOnlySpan<float>(g + start, len), Slice(s0, start, len),
                Slice(s1, start, len), Slice(s2, start, len));
        }

        private int Bound(int i) => i >= parts ? n : (int)((long)n * i / parts) & ~15;

        private static Span<float> Slice(float* s, int start, int len) => s == null ? default : new Span<float>(s + start, len);
    }

    private static void RunRange<TOp>(in TOp op, Span<float> variable, ReadOnlySpan<float> gradient,
        Span<float> slot0, Span<float> slot1, Span<float> slot2) where TOp : struct, IUpdateOp
    {
        int n = variable.Length;
        bool has0 = !slot0.IsEmpty, has1 = !slot1.IsEmpty, has2 = !slot2.IsEmpty;
        ref float v = ref MemoryMarshal.GetReference(variable);
        ref float g = ref MemoryMarshal.GetReference(gradient);
        ref float r0 = ref MemoryMarshal.GetReference(slot0);
        ref float r1 = ref MemoryMarshal.GetReference(slot1);
        ref float r2 = ref MemoryMarshal.GetReference(slot2);
        nuint i = 0, count = (nuint)n;
        if (Vector256.IsHardwareAccelerated && (ForceVector256 || !Vector512.IsHardwareAccelerated))
        {
            for (; i + 16 <= count; i += 16)
            {
                Step256(op, ref v, ref g, ref r0, ref r1, ref r2, i, has0, has1, has2);
                Step256(op, ref v, ref g, ref r0, ref r1, ref r2, i + 8, has0, has1, has2);
            }
        }
        else if (Vector512.IsHardwareAccelerated)
        {
            for (; i + 16 <= count; i += 16)
            {
                var vv = Vector512.LoadUnsafe(ref v, i);
                var gg = Vector512.LoadUnsafe(ref g, i);
                var a0 = has0 ? Vector512.LoadUnsafe(ref r0, i) : default;
                var a1 = has1 ? Vector512.LoadUnsafe(ref r1, i) : default;
                var a2 = has2 ? Vector512.LoadUnsafe(ref r2, i) : default;
                op.Invoke(ref vv, gg, ref a0, ref a1, ref a2);
                vv.StoreUnsafe(ref v, i);
                if (has0) FlushSubnormal(a0).StoreUnsafe(ref r0, i);
                if (has1) FlushSubnormal(a1).StoreUnsafe(ref r1, i);
                if (has2) FlushSubnormal(a2).StoreUnsafe(ref r2, i);
            }
        }
        float d0 = 0, d1 = 0, d2 = 0;
        for (; i < count; i++)
        {
            ref float s0 = ref has0 ? ref Unsafe.Add(ref r0, i) : ref d0;
            ref float s1 = ref has1 ? ref Unsafe.Add(ref r1, i) : ref d1;
            ref float s2 = ref has2 ? ref Unsafe.Add(ref r2, i) : ref d2;
            op.Invoke(ref Unsafe.Add(ref v, i), Unsafe.Add(ref g, i), ref s0, ref s1, ref s2);
            s0 = FlushSubnormal(s0);
            s1 = FlushSubnormal(s1);
            s2 = FlushSubnormal(s2);
        }
    }

    /// <summary>8 floats at <paramref name="i"/> through the rule's Vector256 form (AVX2 machines: the 16-float step of
    /// the driver in two halves, so the scalar tail is the same n mod 16 elements as with AVX-512).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Step256<TOp>(in TOp op, ref float v, ref float g, ref float r0, ref float r1, ref float r2, nuint i,
        bool has0, bool has1, bool has2) where TOp : struct, IUpdateOp
    {
        var vv = Vector256.LoadUnsafe(ref v, i);
        var gg = Vector256.LoadUnsafe(ref g, i);
        var a0 = has0 ? Vector256.LoadUnsafe(ref r0, i) : default;
        var a1 = has1 ? Vector256.LoadUnsafe(ref r1, i) : default;
        var a2 = has2 ? Vector256.LoadUnsafe(ref r2, i) : default;
        op.Invoke(ref vv, gg, ref a0, ref a1, ref a2);
        vv.StoreUnsafe(ref v, i);
        if (has0) FlushSubnormal(a0).StoreUnsafe(ref r0, i);
        if (has1) FlushSubnormal(a1).StoreUnsafe(ref r1, i);
        if (has2) FlushSubnormal(a2).StoreUnsafe(ref r2, i);
    }

    /// <summary>
    /// Slots decay geometrically where gradients are zero (dead ReLU units: m ← 0.9·m), so without this they spend
    /// hundreds of steps as subnormal floats, which x86 handles in microcode at ~100× the cost: measured here, 40%
    /// of Adam's slot values were subnormal after two epochs of the benchmark MLP and Adam ran several times slower
    /// than SGD. .NET cannot set the CPU's flush-to-zero mode, so the driver flushes slot values below the smallest
    /// normal float (1.18e-38) to zero itself, which is what flush-to-zero does.
    /// </summary>
    private static Vector512<float> FlushSubnormal(Vector512<float> x) =>
        Vector512.AndNot(x, Vector512.LessThan(Vector512.Abs(x), Vector512.Create(SmallestNormal)));

    private static Vector256<float> FlushSubnormal(Vector256<float> x) =>
        Vector256.AndNot(x, Vector256.LessThan(Vector256.Abs(x), Vector256.Create(SmallestNormal)));

    private static float FlushSubnormal(float x) => MathF.Abs(x) < SmallestNormal ? 0f : x;

    private const float SmallestNormal = 1.17549435e-38f;

    private static bool Fits(Span<float> slot, int n) => slot.IsEmpty || slot.Length == n;
}
