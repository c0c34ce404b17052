using NotebookNN.Compute.Drivers;

namespace NotebookNN.Tensors;

public partial class Tensor
{
    /// <summary>Copies the elements of <paramref name="src"/> into <paramref name="dst"/> (same dims, any strides).</summary>
    internal static void CopyElements(Tensor src, Tensor dst) =>
        StridedCopy.Run(src.Data, src.Offset, src.Strides, dst.Data, dst.Offset, dst.Strides, dst.Dims);
}
