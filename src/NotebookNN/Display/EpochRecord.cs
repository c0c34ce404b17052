namespace NotebookNN.Display;

/// <summary>One finished epoch of a Fit: its number (1-based), its time and its logs.</summary>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="Seconds">Wall time of the epoch.</param>
/// <param name="Logs">The epoch's logs, in Keras's order.</param>
public sealed record EpochRecord(int Epoch, double Seconds, IReadOnlyList<KeyValuePair<string, double>> Logs);
