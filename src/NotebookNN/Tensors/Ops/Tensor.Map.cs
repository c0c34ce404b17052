using NotebookNN.Compute.Drivers;

namespace NotebookNN.Tensors;

public partial class Tensor
{
    /// <summary>
    /// y = TOp(x) recorded with backward dx = TGrad(x, g), or TGrad(y, g) when <paramref name="gradFromOutput"/>
    /// (sigmoid, tanh, sqrt: cheaper from the output). The common shape of every elementwise differentiable op.
    /// </summary>
    private static Tensor MapRecorded<TOp, TGrad>(Tensor x, bool gradFromOutput = false) where TOp : IUnaryOp where TGrad : IBinaryOp
    {
        var y = Elementwise.Unary<TOp>(x);
        if (GradientTape.Recording(x) is { } tape) tape.Push<MapBackward<TGrad>>(y, x).FromOutput = gradFromOutput;
        return y;
    }

    private sealed class MapBackward<TGrad> : TapeOp where TGrad : IBinaryOp
    {
        internal bool FromOutput;

        internal override void Backward(Tensor g, bool[] needed, Tensor?[] grads) =>
            grads[0] = Elementwise.Binary<TGrad>(FromOutput ? Output : Inputs[0], g);
    }

    /// <summary>y = TOp(x, s) for a parameter s, with backward dx = g · TFactor(x, s).</summary>
    private static Tensor MapRecorded<TOp, TFactor>(Tensor x, float s) where TOp : IBinaryOp where TFactor : IBinaryOp
    {
        var y = Elementwise.Binary<TOp>(x, s);
        if (GradientTape.Recording(x) is { } tape) tape.Push<MapScalarBackward<TFactor>>(y, x).S = s;
        return y;
    }

    private sealed class MapScalarBackward<TFactor> : TapeOp where TFactor : IBinaryOp
    {
        internal float S;

        internal override void Backward(Tensor g, bool[] needed, Tensor?[] grads) =>
            grads[0] = Elementwise.Binary<Compute.Ops.MulOp>(Elementwise.Binary<TFactor>(Inputs[0], S), g);
    }
}
