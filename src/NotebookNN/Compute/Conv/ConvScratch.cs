using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NotebookNN.Compute.Gemm;

namespace NotebookNN.Compute.Conv;

/// <summary>
/// Per-thread scratch of the blocked and direct convolution kernels: a block of im2col (or its gradient), a block of
/// dz, a zero-padded copy of one image, and the caller's per-task partial sums. Pinned, cache-line aligned, grown on
/// first use and then reused, so a training step allocates nothing; each is at most a few hundred KB (a block is
/// sized to stay in L2), never a whole batch of patches.
/// </summary>
internal static unsafe class ConvScratch
{
    [ThreadStatic] private static float[]? t_col, t_dz, t_image, t_partials;

    public static float* Col(long floats) => Get(ref t_col, floats);
    public static float* Dz(long floats) => Get(ref t_dz, floats);
    public static float* Image(long floats) => Get(ref t_image, floats);
    public static float* Partials(long floats) => Get(ref t_partials, floats);

    private static float* Get(ref float[]? buffer, long floats)
    {
        if (floats + 16 > Array.MaxLength)
            throw new ArgumentException($"Internal: a convolution scratch block of {floats} floats is too large.");
        if (buffer is null || buffer.Length < floats + 16)
            buffer = GC.AllocateUninitializedArray<float>((int)floats + 16, pinned: true);
        nint p = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(buffer));
        return (float*)((p + 63) & ~(nint)63);
    }
}

/// <summary>
/// The GEMM settings of the calling thread, carried into a parallel body: a product run inside a body uses one
/// thread (the body is already one of the parallel parts) and the path the caller forced (tests force one per thread).
/// </summary>
internal readonly struct GemmThreadSettings
{
    private readonly GemmIsa? _isa;

    private GemmThreadSettings(GemmIsa? isa) => _isa = isa;

    /// <summary>The caller's settings, read on the calling thread.</summary>
    public static GemmThreadSettings Capture() => new(Gemm.Gemm.ForcedIsa);

    /// <summary>Applies them on the current (worker) thread with one GEMM thread; returns what to restore.</summary>
    public (GemmIsa? Isa, int Threads) Enter()
    {
        var saved = (Gemm.Gemm.ForcedIsa, Gemm.Gemm.MaxThreads);
        Gemm.Gemm.ForcedIsa = _isa;
        Gemm.Gemm.MaxThreads = 1;
        return saved;
    }

    public static void Leave((GemmIsa? Isa, int Threads) saved)
    {
        Gemm.Gemm.ForcedIsa = saved.Isa;
        Gemm.Gemm.MaxThreads = saved.Threads;
    }
}
