using NotebookNN.Compute.Gemm;
using NotebookNN.Compute.Ops;

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
            if (sums != null) DenseGrad.AccumulateRows(relu: false, dz, dz, dz, rows, cols, sums); // sums only
            return;
        }
        bool relu = act == FusedActivation.Relu;
        if (!relu && sums == null) return; // linear, dz is g
        DenseGrad.AccumulateRows(relu, y, g, dz, rows, cols, sums);
    }
}
