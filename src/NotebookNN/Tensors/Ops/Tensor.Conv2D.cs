using NotebookNN.Compute.Conv;
using NotebookNN.Compute.Gemm;

namespace NotebookNN.Tensors;

public partial class Tensor
{
    /// <summary>
    /// <c>act(conv2d(x, kernel) + bias)</c> over channels-last images: x (N, H, W, C), kernel (KH, KW, C, F), bias (F)
    /// or null; the result is (N, OH, OW, F), with "valid" or TensorFlow's "same" padding. The direct kernels for a
    /// shallow depth, else GEMMs over blocks of im2col rows whose epilogue adds the bias and applies the activation
    /// (see <see cref="Conv2DGemm"/>); nothing is kept for the backward but the output.
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
        Conv2DGemm.Forward(in g, xc.Span, kernel.Contiguous().Span, biasData is null ? default : biasData.Span, act, y.Span);

        if (tape is not null)
        {
            var op = bias is null ? tape.Push<Conv2DBackward>(y, x, kernel) : tape.Push<Conv2DBackward>(y, x, kernel, bias);
            op.Geometry = g;
            op.Act = act;
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
    /// dz = g ⊙ act'(y), the bias gradient, dx and dkernel in one pass over the batch (see <see cref="ConvBackward"/>),
    /// each gradient only when that input needs one: a first layer's input (data) gets none.
    /// </summary>
    private sealed class Conv2DBackward : TapeOp
    {
        internal ConvGeometry Geometry;
        internal FusedActivation Act;

        internal override void Backward(Tensor g, bool[] needed, Tensor?[] grads)
        {
            var geo = Geometry;
            bool biasGrad = Inputs.Length > 2 && needed[2];
            if (!needed[0] && !needed[1] && !biasGrad) return;
            var dx = needed[0] ? NewUninitialized(Inputs[0].Dims) : null;
            var dk = needed[1] ? NewUninitialized(Inputs[1].Dims) : null;
            var db = biasGrad ? NewUninitialized([geo.F]) : null;
            ConvBackward.Run(in geo, Act, Output.Span, g.Contiguous().Span, Inputs[0].Contiguous().Span, Inputs[1].Contiguous().Span,
                dx is null ? default : dx.Span, dk is null ? default : dk.Span, db is null ? default : db.Span);
            grads[0] = dx;
            grads[1] = dk;
            if (biasGrad) grads[2] = db;
        }
    }
}
