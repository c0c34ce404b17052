using NotebookNN.Layers;
using NotebookNN.Optimizers;

namespace NotebookNN.Tests.Tuning;

/// <summary>
/// y = 2x + 5 on x in [-1, 1]. Without a bias a linear model cannot do better than MSE ≈ 25 (the offset squared);
/// with a bias and learning rate 0.1 it fits within a few epochs; with 1e-4 it barely moves. So the known best
/// configuration is use_bias = true, learning_rate = 0.1.
/// </summary>
internal static class ToyProblem
{
    public static (Tensor X, Tensor Y) Data(int n, int offset)
    {
        var x = Enumerable.Range(0, n).Select(i => (float)Math.Sin(i + offset)).ToArray();
        return (Tensor.From(x, [n, 1]), Tensor.From(x.Select(v => 2 * v + 5).ToArray(), [n, 1]));
    }

    public static Model Build(HyperParameters hp) =>
        // InputLayer builds the model up front (a lazily built model's first Fit did not train on this branch's base).
        new Sequential([new InputLayer([1]), new Dense(1, useBias: hp.Boolean("use_bias"))])
            .Compile(optimizer: new SGD(learningRate: hp.Choice("learning_rate", [1e-4, 0.1])), loss: "mse");
}
