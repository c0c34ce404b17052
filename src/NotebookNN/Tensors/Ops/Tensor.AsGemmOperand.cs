using NotebookNN.Compute.Gemm;

namespace NotebookNN.Tensors;

public partial class Tensor
{
    /// <summary>This tensor (rank ≥ 2) as a stack of matrices for the GEMM, without copying when its layout allows:
    /// row-major or transposed last two axes; a view with neither is copied with <see cref="Contiguous"/>.</summary>
    internal GemmOperand AsGemmOperand()
    {
        int r = NDim, rows = Dims[r - 2], cols = Dims[r - 1];
        // a unit axis may carry any stride: give it the one that makes the layout plain
        int rs = rows == 1 ? Math.Max(1, cols) : Strides[r - 2], cs = cols == 1 ? 1 : Strides[r - 1];
        var batch = Dims[..(r - 2)];
        var batchStrides = Strides[..(r - 2)];
        if (cs == 1 && rs >= Math.Max(1, cols)) return new(Data, Offset, rows, cols, rs, false, batch, batchStrides);
        int rsT = rows == 1 ? 1 : Strides[r - 2], csT = cols == 1 ? Math.Max(1, rows) : Strides[r - 1];
        if (rsT == 1 && csT >= Math.Max(1, rows)) return new(Data, Offset, rows, cols, csT, true, batch, batchStrides);
        var c = Contiguous();
        return new(c.Data, c.Offset, rows, cols, Math.Max(1, cols), false, batch, c.Strides[..(r - 2)]);
    }
}
