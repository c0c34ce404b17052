namespace NotebookNN;

public static partial class Utils
{
    /// <summary>
    /// Seeds NotebookNN's process-wide random generator (Keras's <c>keras.utils.set_random_seed</c>): everything
    /// random that follows (weight initializers, dropout, shuffling in Fit, <see cref="Tensor.RandomUniform"/> and
    /// friends without a seed) repeats the same numbers on every run. Without a call the generator starts from OS entropy.
    /// </summary>
    public static void SetRandomSeed(int seed) => RandomGenerator.Shared.Reseed((ulong)(uint)seed);
}
