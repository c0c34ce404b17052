using NotebookNN.Tensors;

namespace NotebookNN.Optimizers;

/// <summary>
/// The per-variable state an optimizer keeps for one model variable (Keras's optimizer variables such as
/// Adam's <c>momentum</c> and <c>velocity</c>): one slot of the variable's shape per <see cref="Add"/>.
/// </summary>
public sealed class OptimizerSlots
{
    private readonly List<Variable> _slots = [];

    internal OptimizerSlots(Variable variable) => Variable = variable;

    /// <summary>The model variable this state belongs to.</summary>
    public Variable Variable { get; }

    /// <summary>The slot variables, in creation order, named <c>{variable}_{slot}</c>.</summary>
    public IReadOnlyList<Variable> Slots => _slots;

    /// <summary>Number of slots.</summary>
    public int Count => _slots.Count;

    /// <summary>Scratch space for clipped gradients; allocated once when clipping is on.</summary>
    internal float[]? ClipBuffer;

    /// <summary>Creates a slot shaped like the variable, filled with <paramref name="initialValue"/>; returns its index.</summary>
    public int Add(string name, float initialValue = 0f)
    {
        var slot = new Variable(Tensor.Full(Variable.Shape, initialValue), $"{Variable.Name}_{name}", trainable: false);
        _slots.Add(slot);
        return _slots.Count - 1;
    }

    /// <summary>The values of slot <paramref name="index"/>, updated in place by the optimizer.</summary>
    public Span<float> this[int index] => _slots[index].Span;

    /// <summary>The values of slot <paramref name="index"/>, or an empty span when there is no such slot.</summary>
    internal Span<float> GetOrEmpty(int index) => index < _slots.Count ? _slots[index].Span : default;
}
