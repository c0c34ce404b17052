using NotebookNN.Randomness;

namespace NotebookNN;

public static partial class Utils
{
    /// <summary>
    /// Seeds NotebookNN's process-wide random generator (Keras's <c>keras.utils.set_random_seed</c>): everything
    /// random that follows (weight initializers, dropout, shuffling in Fit, <see cref="Tensors.Tensor.RandomUniform"/> and
    /// friends without a seed) repeats the same numbers on every run. Without a call the generator starts from OS entropy.
    /// As in Keras 3, each layer and model takes a seed from this generator when it is constructed and then draws from a
    /// generator of its own, so models constructed after the seed train the same even when their Fits run at once on
    /// different threads.
    /// </summary>
    public static void SetRandomSeed(int seed) => RandomGenerator.Shared.Reseed((ulong)(uint)seed);
}
