using NotebookNN.Compute.Drivers;
using NotebookNN.Compute.Ops;

namespace NotebookNN.Tensors;

public partial class Tensor
{
    /// <summary>Sum over <paramref name="axis"/> (null: every element; negative counts from the end), numpy's shapes:
    /// the axis disappears, or stays as 1 with <paramref name="keepDims"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The axis is out of range for this tensor's rank.</exception>
    public Tensor Sum(int? axis = null, bool keepDims = false) => ReduceAxis(axis, keepDims, mean: false);

    /// <summary>Sum over several axes at once, e.g. <c>x.Sum([0, 2])</c>; null means every axis.</summary>
    /// <exception cref="ArgumentException">An axis is out of range or repeated.</exception>
    public Tensor Sum(int[]? axes, bool keepDims = false) => ReduceAxes(axes, keepDims, mean: false);

    /// <summary>Arithmetic mean over <paramref name="axis"/> (null: every element), numpy's shapes; NaN for an empty slice.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The axis is out of range for this tensor's rank.</exception>
    public Tensor Mean(int? axis = null, bool keepDims = false) => ReduceAxis(axis, keepDims, mean: true);

    /// <summary>Arithmetic mean over several axes at once; null means every axis.</summary>
    /// <exception cref="ArgumentException">An axis is out of range or repeated.</exception>
    public Tensor Mean(int[]? axes, bool keepDims = false) => ReduceAxes(axes, keepDims, mean: true);

    /// <summary>The sum, or the sum times 1 / count for the mean, over the axes; one recorded op either way.</summary>
    private Tensor ReduceAxis(int? axis, bool keepDims, bool mean)
    {
        if (axis is not { } a) return ReduceAxes(null, keepDims, mean);
        Span<int> one = [Shape.NormalizeAxis(a, NDim)];
        return ReduceNormalized(one, keepDims, mean);
    }

    private Tensor ReduceAxes(int[]? axes, bool keepDims, bool mean)
    {
        Span<int> norm = stackalloc int[axes?.Length ?? NDim];
        Reduction.NormalizeAxes(axes, NDim, norm);
        return ReduceNormalized(norm, keepDims, mean);
    }

    /// <param name="norm">Distinct non-negative axes in ascending order.</param>
    /// <param name="keepDims">Keep the reduced axes as 1.</param>
    /// <param name="mean">Scale the sum by 1 / count.</param>
    private Tensor ReduceNormalized(ReadOnlySpan<int> norm, bool keepDims, bool mean)
    {
        var kept = Reduction.Reduce<AddOp>(this, norm);
        float scale = 1f;
        if (mean)
        {
            long count = 1;
            foreach (var a in norm) count *= Dims[a];
            scale = 1f / count;
            BinaryDriver.Run<MulOp>(kept.Span, scale, kept.Span);
        }
        Span<int> dims = stackalloc int[NDim];
        var y = Broadcast.Relabel(kept, dims[..Reduction.ResultDims(Dims, norm, keepDims, dims)]);
        if (GradientTape.Recording(this) is { } tape)
        {
            var op = tape.Push<SumBackward>(y, this);
            op.KeptDims = kept.Dims;
            op.Scale = scale;
        }
        return y;
    }

    /// <summary>The output's gradient (times the mean's 1 / count) stretched back over the summed axes.</summary>
    private sealed class SumBackward : TapeOp
    {
        internal int[] KeptDims = [];
        internal float Scale;

        internal override void Backward(Tensor g, bool[] needed, Tensor?[] grads)
        {
            var kept = Broadcast.Relabel(g, KeptDims);
            if (Scale != 1f) kept = Elementwise.Binary<MulOp>(kept, Scale);
            grads[0] = Broadcast.To(kept, Inputs[0].Dims);
        }

        internal override void Clear()
        {
            base.Clear();
            KeptDims = [];
        }
    }
}
