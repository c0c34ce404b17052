using NotebookNN.Compute.Gemm;

namespace NotebookNN.Tensors;

public partial class Tensor
{
    /// <summary>
    /// <c>act(x·kernel + bias)</c> in one GEMM whose epilogue adds the bias and applies the activation while each
    /// output tile is hot. x is (..., in), kernel (in, out), bias (out) or null; the result is (..., out).
    /// </summary>
    internal static Tensor FusedDense(Tensor x, Tensor kernel, Tensor? bias, FusedActivation act)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(kernel);
        if (kernel.NDim != 2)
            throw new ArgumentException($"A dense kernel must be 2-D (input_dim, units). Received: kernel.shape={kernel.Shape}");
        int fanIn = kernel.Dims[0], units = kernel.Dims[1];
        if (x.NDim == 0 || x.Dims[^1] != fanIn)
            throw new ArgumentException($"Dense input's last axis must match the kernel's first: expected (..., {fanIn}). Received: input.shape={x.Shape}, kernel.shape={kernel.Shape}");
        if (bias is not null && (bias.NDim != 1 || bias.Dims[0] != units))
            throw new ArgumentException($"A dense bias must have shape ({units},). Received: bias.shape={bias.Shape}");

        var rows = RowsOf(x);
        var w = kernel.AsGemmOperand();
        var biasData = bias?.Contiguous();
        var y = NewUninitialized(x.Dims.AsSpan(0, x.NDim - 1), units);
        var epilogue = new Epilogue(biasData is null ? default : biasData.Span, act);
        BatchedGemm.Run(rows, w, y.Data, [], [], epilogue);

        if (GradientTape.Recording(x, kernel, bias) is { } tape)
        {
            var op = bias is null ? tape.Push<FusedDenseBackward>(y, x, kernel) : tape.Push<FusedDenseBackward>(y, x, kernel, bias);
            op.Rows = rows;
            op.Kernel = w;
            op.Act = act;
        }
        return y;
    }

    /// <summary>
    /// dZ = g ⊙ act'(y) from the saved output, dx = dZ·kernelᵀ, dkernel = xᵀ·dZ, dbias = column sums of dZ, each
    /// computed only when that input needs a gradient.
    /// </summary>
    private sealed class FusedDenseBackward : TapeOp
    {
        internal GemmOperand Rows, Kernel;
        internal FusedActivation Act;

        internal override void Backward(Tensor g, bool[] needed, Tensor?[] grads)
        {
            var y = Output;
            var x = Inputs[0];
            int units = y.Dims[^1], fanIn = x.Dims[^1];
            var gc = g.Contiguous();
            bool biasGrad = Inputs.Length > 2 && needed[2];
            if (biasGrad) grads[2] = NewUninitialized([units]);
            // linear: dz is g itself, no copy
            var dz = Act == FusedActivation.Linear && gc.Offset == 0 && gc.Data.Length == gc.Size ? gc : NewUninitialized(y.Dims);
            Compute.Ops.DenseGrad.ActivationAndBias(Act, y.Span, gc.Span, dz.Span, Rows.Rows, units, biasGrad ? grads[2]!.Span : default);
            var dzOp = GemmOperand.Dense(dz.Data, [], Rows.Rows, units);
            if (needed[0]) grads[0] = Product(dzOp, Kernel.T(), x.Dims);
            if (needed[1]) grads[1] = Product(Rows.T(), dzOp, [fanIn, units]);
        }

        internal override void Clear()
        {
            base.Clear();
            Rows = Kernel = default;
        }
    }

    /// <summary>x (..., in) as one (rows, in) matrix: a view when its rows are evenly strided, else a copy.</summary>
    private static GemmOperand RowsOf(Tensor x)
    {
        var x2 = AsMatrices(x, rowVector: true);
        var op = x2.AsGemmOperand();
        if (op.BatchDims.Length == 0) return op; // plain or transposed 2-D: Gemm takes either
        if (!op.Trans && op.TryMergeBatch(out var merged)) return merged;
        var c = x2.Contiguous();
        c.AsGemmOperand().TryMergeBatch(out merged);
        return merged;
    }

    private static Tensor Product(GemmOperand a, GemmOperand b, ReadOnlySpan<int> dims)
    {
        var r = NewUninitialized(dims);
        BatchedGemm.Run(a, b, r.Data, [], []);
        return r;
    }
}
