namespace NotebookNN.Compute.Conv;

/// <summary>
/// A count known when a kernel is compiled: the direct convolution kernels are generic over these structs, so the JIT
/// makes one copy per count with its accumulators in registers and the unused ones (a guard such as
/// <c>TP.Value &gt; 3</c>) removed.
/// </summary>
internal interface IKernelCount
{
    static abstract int Value { get; }
}

internal struct Count1 : IKernelCount { public static int Value => 1; }
internal struct Count2 : IKernelCount { public static int Value => 2; }
internal struct Count3 : IKernelCount { public static int Value => 3; }
internal struct Count4 : IKernelCount { public static int Value => 4; }
internal struct Count5 : IKernelCount { public static int Value => 5; }
internal struct Count6 : IKernelCount { public static int Value => 6; }
