namespace NotebookNN.Models;

/// <summary>Arrays a training session keeps from step to step (gradients, batches, outputs), so a step allocates none.</summary>
internal static class StepArrays
{
    /// <summary><paramref name="buffer"/>, replaced by a new array when its length is not <paramref name="length"/>.</summary>
    public static T[] Sized<T>(ref T[] buffer, int length) => buffer.Length == length ? buffer : buffer = new T[length];
}
