namespace NotebookNN.Optimizers;

public abstract partial class Optimizer
{
    /// <summary>Lets a Keras string stand wherever an optimizer is expected: <c>optimizer: "adam"</c>.</summary>
    public static implicit operator Optimizer(string identifier) => Get(identifier);
}
