using NotebookNN.Compute.Drivers;
using NotebookNN.Compute.Ops;

namespace NotebookNN.Tensors;

public partial class Tensor
{
    /// <summary>Largest element over <paramref name="axis"/> (null: every element), numpy's shapes; NaN propagates.
    /// The gradient goes to the first maximal element of each slice.</summary>
    /// <exception cref="ArgumentException">The reduced axis is empty.</exception>
    public Tensor Max(int? axis = null, bool keepDims = false) => Extreme<MaxOp>(axis, keepDims, max: true);

    /// <summary>Smallest element over <paramref name="axis"/> (null: every element); gradient to the first minimum.</summary>
    /// <exception cref="ArgumentException">The reduced axis is empty.</exception>
    public Tensor Min(int? axis = null, bool keepDims = false) => Extreme<MinOp>(axis, keepDims, max: false);

    /// <summary>Index of the first maximum over <paramref name="axis"/> (null: into the flattened tensor), as floats.</summary>
    /// <exception cref="ArgumentException">The reduced axis is empty.</exception>
    public Tensor ArgMax(int? axis = null, bool keepDims = false) => ArgExtreme(axis, keepDims, max: true);

    /// <summary>Index of the first minimum over <paramref name="axis"/> (null: into the flattened tensor), as floats.</summary>
    /// <exception cref="ArgumentException">The reduced axis is empty.</exception>
    public Tensor ArgMin(int? axis = null, bool keepDims = false) => ArgExtreme(axis, keepDims, max: false);

    private Tensor Extreme<TAgg>(int? axis, bool keepDims, bool max) where TAgg : IAggregateOp
    {
        var x = this;
        var (flat, ax, outDims) = ArgSetup(axis, keepDims, max ? "max" : "min");
        var kept = Reduction.Reduce<TAgg>(flat, [ax]);
        var y = Broadcast.Relabel(kept, outDims);
        GradientTape.Record(y, x, g =>
        {
            var index = Reduction.Arg(flat, ax, max);
            var (outer, n, inner) = Reduction.Split(flat.Dims, ax);
            var dx = NewUninitialized(x.Dims);
            ReduceDriver.ScatterAlongAxis(g.Contiguous().Span, index.Span, outer, n, inner, dx.Span);
            return dx;
        });
        return y;
    }

    private Tensor ArgExtreme(int? axis, bool keepDims, bool max)
    {
        var (flat, ax, outDims) = ArgSetup(axis, keepDims, max ? "argmax" : "argmin");
        return Broadcast.Relabel(Reduction.Arg(flat, ax, max), outDims);
    }

    // The tensor to reduce (flattened to 1-D when axis is null), the axis in it, and numpy's result dims.
    private (Tensor Flat, int Axis, int[] OutDims) ArgSetup(int? axis, bool keepDims, string op)
    {
        if (axis is null)
        {
            Reduction.RequireNonEmpty(this, [], op);
            var all = Reduction.NormalizeAxes(null, NDim);
            return (Broadcast.Relabel(this, [Size]), 0, Reduction.ResultDims(Dims, all, keepDims));
        }
        int a = Shape.NormalizeAxis(axis.Value, NDim);
        Reduction.RequireNonEmpty(this, [a], op);
        return (Contiguous(), a, Reduction.ResultDims(Dims, [a], keepDims));
    }
}
