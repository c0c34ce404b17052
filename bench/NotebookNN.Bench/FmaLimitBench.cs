using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NotebookNN.Bench;

/// <summary>
/// "fma": the machine's float32 arithmetic ceiling right now, a register-only AVX-512 FMA loop (12 independent
/// accumulators, no memory traffic) on one thread and on two at once. No GEMM, ours or a peer's, can beat these, so the
/// train and infer benches print them each round beside the GFLOP/s each side reaches. On this VM two threads reach 2×
/// one thread in some minutes and barely more than one in others, when the host gives the second vCPU a fraction of a core.
/// </summary>
internal static class FmaLimitBench
{
    private const long Iterations = 20_000_000; // ~0.06 s a thread at 160 GFLOP/s
    /// <summary>12 accumulators of 16 floats (AVX-512) or of 8 (AVX2 + FMA, on machines without AVX-512), 2 flops each.</summary>
    private static readonly double FlopsPerIteration = 12 * (Avx512F.IsSupported ? 16 : 8) * 2;

    public static int Run(string[] args)
    {
        int rounds = args.Length > 0 && int.TryParse(args[0], out var r) ? r : 5;
        for (int i = 0; i < rounds; i++) Print(Measure());
        return 0;
    }

    /// <summary>GFLOP/s of the loop on one thread, then on two threads at once (their sum, by the wall clock), each the
    /// best of three; NaN without AVX-512 or AVX2 + FMA.</summary>
    public static (double OneThread, double TwoThreads) Measure()
    {
        if (!Avx512F.IsSupported && !Fma.IsSupported) return (double.NaN, double.NaN);
        Loop(10_000);
        double one = 0, two = 0;
        for (int i = 0; i < 3; i++)
        {
            var sw = Stopwatch.StartNew();
            Loop(Iterations);
            one = Math.Max(one, FlopsPerIteration * Iterations / sw.Elapsed.TotalSeconds / 1e9);
            using var start = new Barrier(2);
            var other = new Thread(() => { start.SignalAndWait(); Loop(Iterations); });
            other.Start();
            start.SignalAndWait();
            sw.Restart();
            Loop(Iterations);
            other.Join();
            two = Math.Max(two, 2 * FlopsPerIteration * Iterations / sw.Elapsed.TotalSeconds / 1e9);
        }
        return (one, two);
    }

    public static void Print((double OneThread, double TwoThreads) limit)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"machine fma_1thread {limit.OneThread:G4} GFLOP/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"machine fma_2threads {limit.TwoThreads:G4} GFLOP/s"));
    }

    private static float Loop(long n) => Avx512F.IsSupported ? Loop512(n) : Loop256(n);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static float Loop512(long n)
    {
        var m = Vector512.Create(0.9999999f);
        var c = Vector512.Create(1e-7f);
        Vector512<float> a0 = Vector512<float>.One, a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0,
            a6 = a0, a7 = a0, a8 = a0, a9 = a0, a10 = a0, a11 = a0;
        for (long i = 0; i < n; i++)
        {
            a0 = Avx512F.FusedMultiplyAdd(a0, m, c); a1 = Avx512F.FusedMultiplyAdd(a1, m, c);
            a2 = Avx512F.FusedMultiplyAdd(a2, m, c); a3 = Avx512F.FusedMultiplyAdd(a3, m, c);
            a4 = Avx512F.FusedMultiplyAdd(a4, m, c); a5 = Avx512F.FusedMultiplyAdd(a5, m, c);
            a6 = Avx512F.FusedMultiplyAdd(a6, m, c); a7 = Avx512F.FusedMultiplyAdd(a7, m, c);
            a8 = Avx512F.FusedMultiplyAdd(a8, m, c); a9 = Avx512F.FusedMultiplyAdd(a9, m, c);
            a10 = Avx512F.FusedMultiplyAdd(a10, m, c); a11 = Avx512F.FusedMultiplyAdd(a11, m, c);
        }
        return Vector512.Sum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static float Loop256(long n)
    {
        var m = Vector256.Create(0.9999999f);
        var c = Vector256.Create(1e-7f);
        Vector256<float> a0 = Vector256<float>.One, a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0,
            a6 = a0, a7 = a0, a8 = a0, a9 = a0, a10 = a0, a11 = a0;
        for (long i = 0; i < n; i++)
        {
            a0 = Fma.MultiplyAdd(a0, m, c); a1 = Fma.MultiplyAdd(a1, m, c);
            a2 = Fma.MultiplyAdd(a2, m, c); a3 = Fma.MultiplyAdd(a3, m, c);
            a4 = Fma.MultiplyAdd(a4, m, c); a5 = Fma.MultiplyAdd(a5, m, c);
            a6 = Fma.MultiplyAdd(a6, m, c); a7 = Fma.MultiplyAdd(a7, m, c);
            a8 = Fma.MultiplyAdd(a8, m, c); a9 = Fma.MultiplyAdd(a9, m, c);
            a10 = Fma.MultiplyAdd(a10, m, c); a11 = Fma.MultiplyAdd(a11, m, c);
        }
        return Vector256.Sum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11);
    }
}
