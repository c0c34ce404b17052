using NotebookNN.Kernels.Drivers;

namespace NotebookNN;

public partial class Tensor
{
    /// <summary>
    /// y = TOp(x) recorded with backward dx = TGrad(x, g), or TGrad(y, g) when <paramref name="gradFromOutput"/>
    /// (sigmoid, tanh, sqrt: cheaper from the output). The common shape of every elementwise differentiable op.
    /// </summary>
    private static Tensor MapRecorded<TOp, TGrad>(Tensor x, bool gradFromOutput = false) where TOp : IUnaryOp where TGrad : IBinaryOp
    {
        var y = Elementwise.Unary<TOp>(x);
        GradientTape.Record(y, x, g => Elementwise.Binary<TGrad>(gradFromOutput ? y : x, g));
        return y;
    }

    /// <summary>y = TOp(x, s) for a parameter s, with backward dx = g · TFactor(x, s).</summary>
    private static Tensor MapRecorded<TOp, TFactor>(Tensor x, float s) where TOp : IBinaryOp where TFactor : IBinaryOp
    {
        var y = Elementwise.Binary<TOp>(x, s);
        GradientTape.Record(y, x, g => Elementwise.Binary<Kernels.Ops.MulOp>(Elementwise.Binary<TFactor>(x, s), g));
        return y;
    }
}
