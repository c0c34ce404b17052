
namespace NotebookNN.Tensors;

public partial class Tensor
{
    /// <summary>
    /// numpy's repr of the values: <c>array([12.,  3.,  6., 14.,  7.], dtype=float32)</c>, nested and wrapped at
    /// 75 characters, numpy's float formatting (switching to scientific notation when numpy does), and tensors of
    /// more than 1000 elements summarised with <c>...</c>.
    /// </summary>
    public override string ToString() => ArrayRepr.Repr(this);
}
