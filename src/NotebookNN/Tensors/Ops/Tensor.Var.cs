namespace NotebookNN.Tensors;

public partial class Tensor
{
    /// <summary>Variance over <paramref name="axis"/> (null: every element) with numpy's default ddof 0: mean((x − mean)²).</summary>
    public Tensor Var(int? axis = null, bool keepDims = false)
    {
        int[]? axes = axis is { } a ? [a] : null;
        var centered = this - Mean(axes, keepDims: true);
        return Square(centered).Mean(axes, keepDims);
    }

    /// <summary>Standard deviation over <paramref name="axis"/> (null: every element), ddof 0 as numpy: √Var.</summary>
    public Tensor Std(int? axis = null, bool keepDims = false) => Sqrt(Var(axis, keepDims));
}
