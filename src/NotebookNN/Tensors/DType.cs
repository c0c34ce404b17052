namespace NotebookNN.Tensors;

/// <summary>The element type of a tensor. NotebookNN computes in float32 only; prints as <c>float32</c> like numpy.</summary>
public readonly partial record struct DType(string Name)
{
    public static readonly DType Float32 = new("float32");
    public override string ToString() => Name;
}
