namespace NotebookNN.Tensors;

public partial class Tensor
{
    /// <summary>A copy of a 2-D tensor's values as a <c>float[rows, columns]</c>.</summary>
    /// <exception cref="InvalidOperationException">The tensor is not 2-D.</exception>
    public float[,] ToArray2D()
    {
        if (Dims.Length != 2)
            throw new InvalidOperationException($"ToArray2D() expects a 2-D tensor. Received: shape={Shape} ({Dims.Length}-D)");
        var result = new float[Dims[0], Dims[1]];
        var values = ToArray();
        Buffer.BlockCopy(values, 0, result, 0, values.Length * sizeof(float));
        return result;
    }
}
