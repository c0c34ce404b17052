using NotebookNN.Models;
using NotebookNN.Tensors;

namespace NotebookNN.Tuning;

/// <summary>The <c>Fit</c> arguments a tuner passes to every trial.</summary>
internal sealed record FitArguments(Tensor X, Tensor Y, int? BatchSize, (Tensor X, Tensor Y)? ValidationData, double ValidationSplit,
    IReadOnlyList<Callback> Callbacks, bool Shuffle)
{
    public History Fit(Model model, int epochs, int initialEpoch = 0) =>
        model.Fit(X, Y, batchSize: BatchSize, epochs: epochs, verbose: 0, callbacks: Callbacks, validationSplit: ValidationSplit,
            validationData: ValidationData, shuffle: Shuffle, initialEpoch: initialEpoch);
}
