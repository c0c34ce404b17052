using System.Runtime.Intrinsics;
using NotebookNN.Compute.Gemm;

namespace NotebookNN.Compute.Conv;

/// <summary>
/// dz = g ⊙ act'(y) for a block of a convolution's output rows, and the bias gradient's column sums added while each
/// dz row is in registers: ReLU's mask (y &gt; 0) costs no pass of its own. dz may be g itself (linear: nothing is
/// written, only summed).
/// </summary>
internal static unsafe class ConvActivationGrad
{
    /// <summary>Rows × cols of dz from y and g; their column sums added to <paramref name="sums"/> unless it is null.</summary>
    public static void Rows(FusedActivation act, float* y, float* g, float* dz, int rows, int cols, float* sums)
    {
        if (act is FusedActivation.Sigmoid or FusedActivation.Tanh)
        {
            int count = rows * cols;
            FusedBackward.ActivationGrad(act, new ReadOnlySpan<float>(y, count), new ReadOnlySpan<float>(g, count), new Span<float>(dz, count));
            if (sums != null) Sum(dz, rows, cols, sums);
            return;
        }
        bool relu = act == FusedActivation.Relu;
        if (!relu && sums == null) return; // linear, dz is g
        for (int r = 0; r < rows; r++)
        {
            nint at = (nint)r * cols;
            int j = 0;
            if (Vector256.IsHardwareAccelerated)
                for (; j <= cols - 8; j += 8)
                {
                    var v = Vector256.Load(g + at + j);
                    if (relu)
                    {
                        v = Vector256.ConditionalSelect(Vector256.GreaterThan(Vector256.Load(y + at + j), Vector256<float>.Zero), v, Vector256<float>.Zero);
                        v.Store(dz + at + j);
                    }
                    if (sums != null) (Vector256.Load(sums + j) + v).Store(sums + j);
                }
            for (; j < cols; j++)
            {
                float v = g[at + j];
                if (relu)
                {
                    if (!(y[at + j] > 0f)) v = 0f;
                    dz[at + j] = v;
                }
                if (sums != null) sums[j] += v;
            }
        }
    }

    private static void Sum(float* dz, int rows, int cols, float* sums)
    {
        var s = new Span<float>(sums, cols);
        for (int r = 0; r < rows; r++) System.Numerics.Tensors.TensorPrimitives.Add(s, new ReadOnlySpan<float>(dz + (nint)r * cols, cols), s);
    }
}
