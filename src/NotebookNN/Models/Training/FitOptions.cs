using NotebookNN.Callbacks;
using NotebookNN.Tensors;

namespace NotebookNN.Models;

/// <summary>The arguments of Fit other than the data (keras.Model.fit's), as every form of Fit passes them on.</summary>
internal sealed record FitOptions(int? BatchSize, int Epochs, int Verbose, IEnumerable<Callback>? Callbacks, double ValidationSplit,
    bool Shuffle, IReadOnlyDictionary<int, double>? ClassWeight, int InitialEpoch, int ValidationFreq)
{
    public void Check()
    {
        if (Epochs < 0) throw new ArgumentException($"Argument `epochs` must be a non-negative integer. Received: epochs={Epochs}");
        if (ValidationFreq < 1) throw new ArgumentException($"Argument `validation_freq` must be a positive integer. Received: validation_freq={ValidationFreq}");
        CallData.CheckVerbose(Verbose);
    }
}
