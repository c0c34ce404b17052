using NotebookNN.Compute.Ops;

namespace NotebookNN.Tensors;

public partial class Tensor
{
    /// <summary>Which arithmetic op a recorded <see cref="ArithmeticBackward"/> or <see cref="ScalarArithmeticBackward"/> is.</summary>
    private enum Arith { Add, Sub, Mul, Div, Neg, ScalarOverTensor }

    /// <summary>Records <paramref name="y"/> = a op b for op one of + − · /, when a tape watches a or b.</summary>
    private static void RecordArithmetic(Tensor y, Tensor a, Tensor b, Arith op)
    {
        if (GradientTape.Recording(a, b) is { } tape) tape.Push<ArithmeticBackward>(y, a, b).Op = op;
    }

    /// <summary>
    /// Records <paramref name="y"/> = f(a) for an op with a scalar: Add (a ± s: gradient g), Neg (s − a or −a: −g),
    /// Mul (a·s: g·s), Div (a / s: g / s), ScalarOverTensor (s / a: −g·y / a).
    /// </summary>
    private static void RecordScalarArithmetic(Tensor y, Tensor a, Arith op, double s)
    {
        if (GradientTape.Recording(a) is not { } tape) return;
        var rec = tape.Push<ScalarArithmeticBackward>(y, a);
        rec.Op = op;
        rec.S = (float)s;
    }

    /// <summary>Backward of the arithmetic operators between two tensors, each gradient summed back over broadcast axes.</summary>
    private sealed class ArithmeticBackward : TapeOp
    {
        internal Arith Op;

        internal override void Backward(Tensor g, bool[] needed, Tensor?[] grads)
        {
            Tensor a = Inputs[0], b = Inputs[1];
            if (needed[0])
                grads[0] = Broadcast.SumTo(Op switch { Arith.Mul => g * b, Arith.Div => g / b, _ => g }, a.Shape);
            if (needed[1])
                grads[1] = Broadcast.SumTo(Op switch
                {
                    Arith.Sub => -g,
                    Arith.Mul => g * a,
                    Arith.Div => g * Elementwise.Binary<NegDivOp>(Output, b),
                    _ => g,
                }, b.Shape);
        }
    }

    /// <summary>Backward of the arithmetic operators with a scalar (see <see cref="RecordScalarArithmetic"/>).</summary>
    private sealed class ScalarArithmeticBackward : TapeOp
    {
        internal Arith Op;
        internal float S;

        internal override void Backward(Tensor g, bool[] needed, Tensor?[] grads) => grads[0] = Op switch
        {
            Arith.Neg => -g,
            Arith.Mul => g * S,
            Arith.Div => g / S,
            Arith.ScalarOverTensor => g * Elementwise.Binary<NegDivOp>(Output, Inputs[0]),
            _ => g,
        };
    }
}
