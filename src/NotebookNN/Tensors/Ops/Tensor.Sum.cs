using NotebookNN.Kernels.Ops;

namespace NotebookNN;

public partial class Tensor
{
    /// <summary>Sum over <paramref name="axis"/> (null: every element; negative counts from the end), numpy's shapes:
    /// the axis disappears, or stays as 1 with <paramref name="keepDims"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The axis is out of range for this tensor's rank.</exception>
    public Tensor Sum(int? axis = null, bool keepDims = false) => Sum(axis is { } a ? [a] : null, keepDims);

    /// <summary>Sum over several axes at once, e.g. <c>x.Sum([0, 2])</c>; null means every axis.</summary>
    /// <exception cref="ArgumentException">An axis is out of range or repeated.</exception>
    public Tensor Sum(int[]? axes, bool keepDims = false)
    {
        var x = this;
        var norm = Reduction.NormalizeAxes(axes, NDim);
        var kept = Reduction.Reduce<AddOp>(x, norm);
        var y = Broadcast.Relabel(kept, Reduction.ResultDims(Dims, norm, keepDims));
        GradientTape.Record(y, x, g => Broadcast.To(Broadcast.Relabel(g, kept.Dims), x.Dims));
        return y;
    }

    /// <summary>Arithmetic mean over <paramref name="axis"/> (null: every element), numpy's shapes; NaN for an empty slice.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The axis is out of range for this tensor's rank.</exception>
    public Tensor Mean(int? axis = null, bool keepDims = false) => Mean(axis is { } a ? [a] : null, keepDims);

    /// <summary>Arithmetic mean over several axes at once; null means every axis.</summary>
    /// <exception cref="ArgumentException">An axis is out of range or repeated.</exception>
    public Tensor Mean(int[]? axes, bool keepDims = false)
    {
        var norm = Reduction.NormalizeAxes(axes, NDim);
        long count = 1;
        foreach (var a in norm) count *= Dims[a];
        return Sum(norm, keepDims) * (1f / count);
    }
}
