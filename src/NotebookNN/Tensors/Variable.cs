namespace NotebookNN.Tensors;

/// <summary>
/// A named, mutable tensor holding model state (Keras's <c>keras.Variable</c>). Trainable variables are
/// watched by every <see cref="GradientTape"/> automatically, as in Keras; optimizers update them in place.
/// </summary>
public class Variable : Tensor
{
    public Variable(Tensor initialValue, string name = "variable", bool trainable = true)
        : base(initialValue.ToArray(), (int[])initialValue.Dims.Clone())
    {
        Name = name;
        Trainable = trainable;
    }

    /// <summary>The variable's name, e.g. <c>kernel</c> or <c>dense/kernel</c>.</summary>
    public string Name { get; set; }

    /// <summary>Whether optimizers update it and tapes watch it.</summary>
    public bool Trainable { get; set; }

    /// <summary>Copies <paramref name="value"/> into this variable; the shapes must match.</summary>
    public void Assign(Tensor value)
    {
        if (value.Shape != Shape)
            throw new ArgumentException($"Cannot assign a value of shape {value.Shape} to variable '{Name}' of shape {Shape}.");
        value.Contiguous().Span.CopyTo(Span);
    }

    /// <summary>The variable's values as a plain tensor (a copy that later updates don't change).</summary>
    public Tensor Value() => new(ToArray(), (int[])Dims.Clone());
}
