using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NotebookNN.Kernels.Ops;

/// <summary>
/// The element-wise half of a fused dense layer's backward in one pass over the rows: dz = g ⊙ act'(y) for ReLU
/// (or linear) and the bias gradient (column sums of dz) accumulated while each row of dz is still in registers,
/// instead of writing dz and reading it back. Other activations take the two-pass path of <see cref="FusedBackward"/>.
/// </summary>
internal static class DenseGrad
{
    /// <summary>dz (rows × cols) from the op's output y and the incoming gradient g; the column sums of dz into
    /// <paramref name="sums"/> unless it is empty. <paramref name="dz"/> may be <paramref name="g"/> itself for linear.</summary>
    public static void ActivationAndBias(FusedActivation act, ReadOnlySpan<float> y, ReadOnlySpan<float> g, Span<float> dz,
        int rows, int cols, Span<float> sums)
    {
        if (act is not (FusedActivation.Relu or FusedActivation.Linear) || !Vector512.IsHardwareAccelerated)
        {
            FusedBackward.ActivationGrad(act, y, g, dz);
            if (!sums.IsEmpty) FusedBackward.ColumnSums(dz, rows, cols, sums);
            return;
        }
        bool relu = act == FusedActivation.Relu, bias = !sums.IsEmpty;
        sums.Clear();
        ref float ys = ref MemoryMarshal.GetReference(y), gs = ref MemoryMarshal.GetReference(g);
        ref float ds = ref MemoryMarshal.GetReference(dz), ss = ref MemoryMarshal.GetReference(sums);
        for (int r = 0; r < rows; r++)
        {
            nint row = (nint)r * cols;
            int j = 0;
            for (; j <= cols - 16; j += 16)
            {
                var gv = Vector512.LoadUnsafe(ref gs, (nuint)(row + j));
                if (relu) gv = Vector512.ConditionalSelect(Vector512.GreaterThan(Vector512.LoadUnsafe(ref ys, (nuint)(row + j)), Vector512<float>.Zero), gv, Vector512<float>.Zero);
                gv.StoreUnsafe(ref ds, (nuint)(row + j));
                if (bias) (Vector512.LoadUnsafe(ref ss, (nuint)j) + gv).StoreUnsafe(ref ss, (nuint)j);
            }
            for (; j < cols; j++)
            {
                float v = Unsafe.Add(ref gs, row + j);
                if (relu && !(Unsafe.Add(ref ys, row + j) > 0f)) v = 0f;
                Unsafe.Add(ref ds, row + j) = v;
                if (bias) Unsafe.Add(ref ss, j) += v;
            }
        }
    }
}
