using NotebookNN.Compute.Conv;
using NotebookNN.Compute.Gemm;
using NotebookNN.Compute.Ops;

namespace NotebookNN.Tensors;

public partial class Tensor
{
    /// <summary>Above this many floats (64 MiB) a training forward does not keep its im2col matrix for the kernel
    /// gradient; the backward packs it again group by group instead.</summary>
    private const long KeepColMaxFloats = 1L << 24;

    /// <summary>
    /// <c>act(conv2d(x, kernel) + bias)</c> over channels-last images: x (N, H, W, C), kernel (KH, KW, C, F), bias (F)
    /// or null; the result is (N, OH, OW, F), with "valid" or TensorFlow's "same" padding. One GEMM over the im2col
    /// matrix whose epilogue adds the bias and applies the activation (see <see cref="Conv2DGemm"/>).
    /// </summary>
    internal static Tensor Conv2D(Tensor x, Tensor kernel, Tensor? bias, int strideH, int strideW, bool same, FusedActivation act)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(kernel);
        var g = Conv2DGeometry(x, kernel, bias, strideH, strideW, same);
        var xc = x.Contiguous();
        var biasData = bias?.Contiguous();
        var y = NewUninitialized([g.N, g.OH, g.OW, g.F]);
        var tape = GradientTape.Recording(x, kernel, bias);
        long full = (long)g.Rows * g.Depth;
        bool keep = tape is not null && !g.IsPointwise && full <= KeepColMaxFloats;
        var col = g.IsPointwise ? null : NewUninitialized([keep ? (int)full : Conv2DGemm.ScratchImages(in g) * g.ColImage]);
        Conv2DGemm.Forward(in g, xc.Span, kernel.Contiguous().Span, biasData is null ? default : biasData.Span, act,
            col is null ? default : col.Span, y.Span);

        if (tape is not null)
        {
            var op = bias is null ? tape.Push<Conv2DBackward>(y, x, kernel) : tape.Push<Conv2DBackward>(y, x, kernel, bias);
            op.Geometry = g;
            op.Act = act;
            op.Col = keep ? col : null;
        }
        return y;
    }

    /// <summary>The convolution's sizes, checked: x 4-D, kernel 4-D with x's channels, bias one value per filter,
    /// positive strides and an output of at least one pixel.</summary>
    private static ConvGeometry Conv2DGeometry(Tensor x, Tensor kernel, Tensor? bias, int strideH, int strideW, bool same)
    {
        if (x.NDim != 4)
            throw new ArgumentException($"conv2d expects a 4-D input (batch, height, width, channels). Received: input.shape={x.Shape}");
        if (kernel.NDim != 4 || kernel.Dims[2] != x.Dims[3])
            throw new ArgumentException($"A conv2d kernel must have shape (kernel_height, kernel_width, {x.Dims[3]}, filters) for an input with {x.Dims[3]} channels. Received: kernel.shape={kernel.Shape}, input.shape={x.Shape}");
        int f = kernel.Dims[3];
        if (bias is not null && (bias.NDim != 1 || bias.Dims[0] != f))
            throw new ArgumentException($"A conv2d bias must have shape ({f},). Received: bias.shape={bias.Shape}");
        if (strideH < 1 || strideW < 1)
            throw new ArgumentException($"conv2d strides must be positive. Received: strides=({strideH}, {strideW})");
        var g = ConvGeometry.Create(x.Dims[0], x.Dims[1], x.Dims[2], x.Dims[3], kernel.Dims[0], kernel.Dims[1], f, strideH, strideW, same);
        if (g.OH < 1 || g.OW < 1)
            throw new ArgumentException($"Computed output size would be negative. Received `inputs shape={x.Shape}`, `kernel shape={kernel.Shape}`, `dilation_rate=(1, 1)`. " +
                "With padding=\"valid\" the kernel must fit inside the input: use padding=\"same\" or a smaller kernel_size.");
        return g;
    }

    /// <summary>
    /// dz = g ⊙ act'(y) and the bias gradient in one pass (<see cref="DenseGrad"/>), then dx = col2im(dz · kernelᵀ) and
    /// dkernel = colᵀ · dz (see <see cref="Conv2DGemm"/>), each only when that input needs a gradient.
    /// </summary>
    private sealed class Conv2DBackward : TapeOp
    {
        internal ConvGeometry Geometry;
        internal FusedActivation Act;
        /// <summary>The forward's whole im2col matrix, or null when it was not kept (pointwise, or too large).</summary>
        internal Tensor? Col;

        internal override void Backward(Tensor g, bool[] needed, Tensor?[] grads)
        {
            var geo = Geometry;
            var y = Output;
            var gc = g.Contiguous();
            bool biasGrad = Inputs.Length > 2 && needed[2];
            if (biasGrad) grads[2] = NewUninitialized([geo.F]);
            var dz = Act == FusedActivation.Linear && gc.Offset == 0 && gc.Data.Length == gc.Size ? gc : NewUninitialized(y.Dims);
            DenseGrad.ActivationAndBias(Act, y.Span, gc.Span, dz.Span, geo.Rows, geo.F, biasGrad ? grads[2]!.Span : default);
            var kernel = Inputs[1].Contiguous();
            if (needed[0])
            {
                var dx = NewUninitialized(Inputs[0].Dims);
                var dcol = geo.IsPointwise ? null : NewUninitialized([Conv2DGemm.ScratchImages(in geo) * geo.ColImage]);
                Conv2DGemm.InputGrad(in geo, dz.Span, kernel.Span, dcol is null ? default : dcol.Span, dx.Span);
                grads[0] = dx;
            }
            if (needed[1])
            {
                var dk = NewUninitialized(kernel.Dims);
                var x = Inputs[0].Contiguous();
                var col = Col ?? (geo.IsPointwise ? null : NewUninitialized([Conv2DGemm.ScratchImages(in geo) * geo.ColImage]));
                Conv2DGemm.KernelGrad(in geo, x.Span, col is null ? default : col.Span, Col is not null, dz.Span, dk.Span);
                grads[1] = dk;
            }
        }

        internal override void Clear()
        {
            base.Clear();
            Col = null;
        }
    }
}
