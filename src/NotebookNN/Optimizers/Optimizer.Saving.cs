using NotebookNN.Tensors;

namespace NotebookNN.Optimizers;

public abstract partial class Optimizer
{
    /// <summary>The state of <paramref name="variable"/>, created if it has none yet (to restore a saved state).</summary>
    internal OptimizerSlots EnsureSlots(Variable variable) => SlotsFor(variable);
}
