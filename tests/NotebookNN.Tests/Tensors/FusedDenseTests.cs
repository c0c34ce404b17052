using NotebookNN;
using NotebookNN.Tests.Support;
using static NotebookNN.Tests.Tensors.MatMulTests;
using NotebookNN.Compute.Gemm;

namespace NotebookNN.Tests.Tensors;

public class FusedDenseTests
{
    private static double Activate(int act, double v) => act switch
    {
        1 => Math.Max(v, 0), 2 => 1 / (1 + Math.Exp(-v)), 3 => Math.Tanh(v), _ => v,
    };

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    [InlineData(1, false)]
    public void Values_MatchFloat64Reference(int act, bool useBias)
    {
        var rng = new Random(act);
        var x = Random(rng, 2, 35, 20); var w = Random(rng, 20, 40); var b = Random(rng, 40);
        var y = Tensor.FusedDense(x, w, useBias ? b : null, (FusedActivation)act);
        Assert.Equal("(2, 35, 40)", y.Shape.ToString());
        var got = y.ToArray();
        for (int r = 0; r < 70; r++)
            for (int j = 0; j < 40; j++)
            {
                double s = useBias ? b.Data[j] : 0;
                for (int p = 0; p < 20; p++) s += (double)x.Data[r * 20 + p] * w.Data[p * 40 + j];
                Assert.True(Math.Abs(got[r * 40 + j] - Activate(act, s)) <= 1e-5 * (1 + Math.Abs(s)), $"row {r} col {j}");
            }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Gradients_MatchFiniteDifferences(int act)
    {
        var rng = new Random(11 + act);
        var a = (FusedActivation)act;
        GradCheck.Check(t => Tensor.FusedDense(t[0], t[1], t[2], a), [Random(rng, 5, 4), Random(rng, 4, 3), Random(rng, 3)], step: 1e-3);
        // 19 units: the vectorized body and the tail of the one-pass activation / bias gradient
        GradCheck.Check(t => Tensor.FusedDense(t[0], t[1], t[2], a), [Random(rng, 3, 4), Random(rng, 4, 19), Random(rng, 19)], step: 1e-3);
        GradCheck.Check(t => Tensor.FusedDense(t[0], t[1], null, a), [Random(rng, 2, 3, 4), Random(rng, 4, 6)], step: 1e-3);
        GradCheck.Check(t => Tensor.FusedDense(t[0], TransposedView(t[1]), t[2], a), [Random(rng, 4), Random(rng, 3, 4), Random(rng, 3)], step: 1e-3);
    }

    [Fact]
    public void OnlyWatchedInputsGetGradients()
    {
        var rng = new Random(1);
        var x = Random(rng, 3, 4); var w = Random(rng, 4, 2); var b = Random(rng, 2);
        using var tape = new GradientTape();
        tape.Watch(w);
        var y = Tensor.FusedDense(x, w, b, FusedActivation.Linear);
        var g = tape.Gradient(y, [x, w, b]);
        Assert.Null(g[0]);
        Assert.Null(g[2]);
        // d(sum y)/dW[p, j] = sum over rows of x[r, p]
        for (int p = 0; p < 4; p++)
            Assert.Equal(Enumerable.Range(0, 3).Sum(r => x.Data[r * 4 + p]), g[1]!.ToArray()[p * 2], 5e-6);
    }

    [Fact]
    public void BadShapes_ThrowNamingThem()
    {
        Assert.Contains("kernel.shape=(4,)", Assert.Throws<ArgumentException>(() => Tensor.FusedDense(Tensor.Zeros([2, 4]), Tensor.Zeros([4]), null, FusedActivation.Relu)).Message);
        var e = Assert.Throws<ArgumentException>(() => Tensor.FusedDense(Tensor.Zeros([2, 5]), Tensor.Zeros([4, 3]), null, FusedActivation.Relu));
        Assert.Contains("input.shape=(2, 5)", e.Message);
        Assert.Contains("bias.shape=(4,)", Assert.Throws<ArgumentException>(() => Tensor.FusedDense(Tensor.Zeros([2, 4]), Tensor.Zeros([4, 3]), Tensor.Zeros([4]), FusedActivation.Relu)).Message);
    }
}
