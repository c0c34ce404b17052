namespace NotebookNN.Tensors;

public partial class Tensor
{
    /// <summary>A new contiguous tensor with <paramref name="like"/>'s shape, every element <paramref name="value"/>.</summary>
    internal static Tensor FilledLike(Tensor like, float value)
    {
        var t = NewUninitialized(like.Dims);
        t.Span.Fill(value);
        return t;
    }
}
