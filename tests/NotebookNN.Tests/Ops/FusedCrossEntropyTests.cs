using NotebookNN;
using static NotebookNN.Tests.Ops.OpsTestHelpers;

namespace NotebookNN.Tests.Ops;

/// <summary>Fused softmax / sigmoid cross-entropy forward values against float64 formulas, including logits
/// large enough to overflow a naive exp, and their label validation.</summary>
public class FusedCrossEntropyTests
{
    private static double[] LogSoftmaxRow(float[] x, int row, int classes)
    {
        var r = x.Skip(row * classes).Take(classes).Select(v => (double)v).ToArray();
        double m = r.Max(), lse = m + Math.Log(r.Sum(v => Math.Exp(v - m)));
        return [.. r.Select(v => v - lse)];
    }

    [Theory]
    [InlineData(4, 10, 3.0), InlineData(7, 3, 500.0), InlineData(5, 1, 2.0), InlineData(33, 1500, 5.0), InlineData(0, 4, 1.0)]
    public void SparseMatchesFloat64AndStaysFinite(int batch, int classes, double scale)
    {
        var x = Uniform(batch * classes, -scale, scale, batch + classes);
        var labels = Enumerable.Range(0, batch).Select(i => (float)(i * 7 % classes)).ToArray();
        var loss = Tensor.SparseSoftmaxCrossEntropy(T(x, batch, classes), T(labels, batch));
        Assert.Equal(new Shape(batch), loss.Shape);
        var expected = Enumerable.Range(0, batch).Select(i => -LogSoftmaxRow(x, i, classes)[(int)labels[i]]).ToArray();
        AssertClose(loss.ToArray(), expected, 1e-5, "sparse CE");

        var oneHot = new float[batch * classes];
        for (int i = 0; i < batch; i++) oneHot[i * classes + (int)labels[i]] = 1f;
        AssertClose(Tensor.SoftmaxCrossEntropy(T(x, batch, classes), T(oneHot, batch, classes)).ToArray(), expected, 1e-5, "dense CE");
    }

    /// <summary>A row whose max is ±inf or NaN leaves the vector row path mid-batch: that row's loss is not finite and
    /// the rows after it still match float64.</summary>
    [Fact]
    public void NonFiniteRowDoesNotSpoilTheRowsAfterIt()
    {
        const int classes = 4;
        float[] x = [1f, 2f, 3f, 4f, float.PositiveInfinity, 0f, 1f, 2f, -1f, 0.5f, 2f, 0f,
            float.NegativeInfinity, float.NegativeInfinity, float.NegativeInfinity, float.NegativeInfinity, 3f, -2f, 0f, 1f];
        float[] labels = [3f, 1f, 2f, 0f, 1f];
        var oneHot = new float[x.Length];
        for (int i = 0; i < labels.Length; i++) oneHot[i * classes + (int)labels[i]] = 1f;
        var sparse = Tensor.SparseSoftmaxCrossEntropy(T(x, 5, classes), T(labels, 5)).ToArray();
        var dense = Tensor.SoftmaxCrossEntropy(T(x, 5, classes), T(oneHot, 5, classes)).ToArray();
        foreach (var (loss, name) in new[] { (sparse, "sparse"), (dense, "dense") })
        {
            foreach (int row in new[] { 0, 2, 4 })
                Assert.Equal(-LogSoftmaxRow(x, row, classes)[(int)labels[row]], loss[row], 5);
            Assert.False(float.IsFinite(loss[1]), $"{name}: the row with +inf gave {loss[1]}");
            Assert.False(float.IsFinite(loss[3]), $"{name}: the all −inf row gave {loss[3]}");
        }
    }

    [Fact]
    public void BackwardIsSoftmaxMinusOneHotTimesG()
    {
        var x = T([1000f, 0f, -1000f, 2f, 1f, 0f], 2, 3);
        var labels = T([0f, 2f], 2, 1);
        using var tape = new GradientTape();
        tape.Watch(x);
        var loss = Tensor.SparseSoftmaxCrossEntropy(x, labels);
        var g = tape.Gradient(loss, [x], T([1f, 0.5f], 2))[0]!.ToArray();
        var s = LogSoftmaxRow([2f, 1f, 0f], 0, 3).Select(Math.Exp).ToArray();
        double[] expected = [0, 0, 0, 0.5 * s[0], 0.5 * s[1], 0.5 * (s[2] - 1)];
        AssertClose(g, expected, 1e-6, "grad");
    }

    [Fact]
    public void SigmoidCrossEntropyMatchesFloat64ForLargeLogits()
    {
        float[] x = [-200f, -20f, -1f, 0f, 0.5f, 30f, 200f, 3f];
        float[] z = [0f, 1f, 0.5f, 1f, 0f, 1f, 0f, 1f];
        var got = Tensor.SigmoidCrossEntropy(T(x, 2, 4), T(z, 2, 4));
        var expected = x.Zip(z, (a, b) => Math.Max(a, 0) - (double)a * b + Math.Log(1 + Math.Exp(-Math.Abs((double)a)))).ToArray();
        AssertClose(got.ToArray(), expected, 1e-6, "sigmoid CE");
    }

    [Theory]
    [InlineData(10f), InlineData(-1f), InlineData(1.5f), InlineData(float.NaN)]
    public void InvalidSparseLabelIsNamedWithTheClassCount(float bad)
    {
        var e = Assert.Throws<ArgumentException>(() => Tensor.SparseSoftmaxCrossEntropy(Tensor.Zeros([2, 10]), T([3f, bad], 2)));
        Assert.Contains($"label value of {bad}", e.Message);
        Assert.Contains("10 classes", e.Message);
    }

    [Fact]
    public void ShapeMismatchesNameBothShapes()
    {
        var e = Assert.Throws<ArgumentException>(() => Tensor.SparseSoftmaxCrossEntropy(Tensor.Zeros([4, 3]), Tensor.Zeros([5])));
        Assert.Contains("(4, 3)", e.Message); Assert.Contains("(5,)", e.Message);
        e = Assert.Throws<ArgumentException>(() => Tensor.SparseSoftmaxCrossEntropy(Tensor.Zeros([4]), Tensor.Zeros([4])));
        Assert.Contains("(4,)", e.Message);
        e = Assert.Throws<ArgumentException>(() => Tensor.SoftmaxCrossEntropy(Tensor.Zeros([4, 3]), Tensor.Zeros([4, 2])));
        Assert.Contains("(4, 2)", e.Message);
        e = Assert.Throws<ArgumentException>(() => Tensor.SigmoidCrossEntropy(Tensor.Zeros([4, 3]), Tensor.Zeros([3])));
        Assert.Contains("(4, 3)", e.Message); Assert.Contains("(3,)", e.Message);
    }
}
