using NotebookNN.Layers;
using NotebookNN.Regularizers;

namespace NotebookNN.Tests.Layers;

/// <summary>Regularization penalties (values and their place in the loss); gradients are covered by the training fixture.</summary>
public class RegularizerTests
{
    private static readonly float[] W = [0.5f, -1.5f, 2f, 0f, -0.25f, 1f];

    [Fact]
    public void PenaltiesMatchFormulas()
    {
        var w = Tensor.From(W, new Shape(2, 3));
        double l1 = W.Sum(v => Math.Abs(v)), l2 = W.Sum(v => (double)v * v);
        Assert.Equal(0.01 * l1, new L1().Call(w).Item(), 5e-7);
        Assert.Equal(0.01 * l2, ((Regularizer)"l2").Call(w).Item(), 5e-7);
        Assert.Equal(0.3 * l1 + 0.2 * l2, new L1L2(0.3, 0.2).Call(w).Item(), 5e-6);
        Assert.Equal(0.01 * l1 + 0.01 * l2, ((Regularizer)"l1_l2").Call(w).Item(), 5e-7);
    }

    [Fact]
    public void PenaltiesAreAddedToTheReportedLoss()
    {
        var model = new Sequential().Add(new Dense(3, inputShape: [2], kernelRegularizer: new L2(0.1), biasRegularizer: new L1(0.5)));
        model.Compile(optimizer: "sgd", loss: "mse");
        var bias = new float[] { 1, -2, 0.5f };
        model.SetWeights([Tensor.From(W, new Shape(2, 3)), Tensor.From(bias)]);
        var x = Tensor.Zeros(new Shape(4, 2));
        var y = Tensor.Zeros(new Shape(4, 3));
        // x = 0 → output = bias; mse = mean(bias²); plus 0.1·Σw² + 0.5·Σ|b|.
        double mse = bias.Average(b => (double)b * b);
        double expected = mse + 0.1 * W.Sum(v => (double)v * v) + 0.5 * bias.Sum(b => Math.Abs(b));
        Assert.Equal(expected, model.Evaluate(x, y, verbose: 0).Loss, 5e-6);
        Assert.Equal(expected, model.TestOnBatch(x, y).Loss, 5e-6);
        Assert.Equal(expected - mse, model.RegularizationLoss()!.Item(), 5e-6);
    }
}
