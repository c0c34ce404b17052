using NotebookNN.Compute.Gemm;
using NotebookNN.Tensors;

namespace NotebookNN.Layers;

/// <summary>
/// An activation (keras.activations): a named elementwise or softmax function. A Keras string converts
/// implicitly (<c>activation: "relu"</c>), and so does any <c>Func&lt;Tensor, Tensor&gt;</c>.
/// </summary>
public sealed class ActivationFunction
{
    private readonly Func<Tensor, Tensor> _apply;

    public ActivationFunction(string name, Func<Tensor, Tensor> apply) : this(name, apply, null) { }

    internal ActivationFunction(string name, Func<Tensor, Tensor> apply, FusedActivation? fused)
    {
        Name = name;
        _apply = apply;
        Fused = fused;
    }

    /// <summary>The Keras name (<c>relu</c>, <c>softmax</c>, …).</summary>
    public string Name { get; }

    /// <summary>The form Dense can apply inside its matmul epilogue, if there is one.</summary>
    internal FusedActivation? Fused { get; }

    /// <summary>True for the identity (<c>linear</c>).</summary>
    public bool IsLinear => Fused == FusedActivation.Linear;

    /// <summary>Applies the activation.</summary>
    public Tensor Call(Tensor x) => _apply(x);

    public static implicit operator ActivationFunction(string name) => Activations.Get(name);
    public static implicit operator ActivationFunction(Func<Tensor, Tensor> f) => new("custom", f);

    public override string ToString() => Name;
}
