using NotebookNN.Compute.Gemm;

namespace NotebookNN.Bench;

/// <summary>Options shared by the GEMM benchmarks.</summary>
internal static class GemmBenchArgs
{
    /// <summary>Applies and removes <c>--threads N</c> (caps the GEMM threads of this thread, e.g. 1 for one core).</summary>
    public static string[] TakeThreads(string[] args)
    {
        int ti = Array.IndexOf(args, "--threads");
        if (ti < 0) return args;
        Gemm.MaxThreads = int.Parse(args[ti + 1]);
        return [.. args[..ti], .. args[(ti + 2)..]];
    }

    /// <summary>AVX-512 block sizes from "KC,MC,NC" (the other fields as they are).</summary>
    public static GemmBlocking Blocking(string kcMcNc)
    {
        var v = kcMcNc.Split(',').Select(int.Parse).ToArray();
        return GemmBlocking.Avx512 with { KC = v[0], MC = v[1], NC = v[2] };
    }
}
