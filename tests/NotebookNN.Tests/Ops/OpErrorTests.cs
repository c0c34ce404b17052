using NotebookNN;

namespace NotebookNN.Tests.Ops;

/// <summary>Bad arguments raise clear exceptions naming the offending value or shapes.</summary>
public class OpErrorTests
{
    private static readonly Tensor X = Tensor.From([1f, 2f, 3f]);

    [Fact]
    public void IncompatibleShapesNameBoth()
    {
        var e = Assert.Throws<ArgumentException>(() => X + Tensor.Zeros([4]));
        Assert.Equal("Operands could not be broadcast together with shapes (3,) (4,)", e.Message);
        e = Assert.Throws<ArgumentException>(() => Tensor.Where(Tensor.Zeros([2]), X, 0f));
        Assert.Equal("Operands could not be broadcast together with shapes (2,) (3,)", e.Message);
        Assert.Throws<ArgumentException>(() => Tensor.Pow(X, Tensor.Zeros([2])));
        Assert.Throws<ArgumentException>(() => Tensor.Maximum(X, Tensor.Zeros([2, 2])));
    }

    [Theory]
    [InlineData(float.NaN, 1f), InlineData(0f, float.NaN), InlineData(2f, 1f)]
    public void ClipRejectsNaNOrReversedBounds(float min, float max)
    {
        var e = Assert.Throws<ArgumentException>(() => X.Clip(min, max));
        Assert.Contains($"min={min}, max={max}", e.Message);
    }

    [Theory]
    [InlineData(-0.1f), InlineData(float.NaN)]
    public void LeakyReluRejectsNegativeOrNaNSlope(float slope)
    {
        var e = Assert.Throws<ArgumentException>(() => X.LeakyRelu(slope));
        Assert.Contains($"negativeSlope={slope}", e.Message);
    }

    [Fact]
    public void EluRejectsNaNAlpha() =>
        Assert.Contains("alpha=NaN", Assert.Throws<ArgumentException>(() => Tensor.Elu(X, float.NaN)).Message);

    [Fact]
    public void AxisOutOfRangeIsNamed()
    {
        var m = Tensor.Zeros([2, 3]);
        Assert.Contains("axis 2", Assert.Throws<ArgumentOutOfRangeException>(() => m.Sum(axis: 2)).Message);
        Assert.Contains("axis -3", Assert.Throws<ArgumentOutOfRangeException>(() => m.Max(axis: -3)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => m.Softmax(axis: 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => m.ArgMax(axis: 2));
        Assert.StartsWith("axis 0 is out of bounds for a tensor of rank 0 (a scalar has no axes).",
            Assert.Throws<ArgumentOutOfRangeException>(() => Tensor.From([3f]).Reshape().ArgMax(axis: 0)).Message);
        Assert.Contains("Duplicate axis", Assert.Throws<ArgumentException>(() => m.Sum([1, -1])).Message);
    }

    [Fact]
    public void EmptyMaxMinArgMaxAreRejectedLikeNumpy()
    {
        var empty = Tensor.Zeros([2, 0]);
        Assert.Contains("(2, 0)", Assert.Throws<ArgumentException>(() => empty.Max()).Message);
        Assert.Throws<ArgumentException>(() => empty.Min(axis: 1));
        Assert.Throws<ArgumentException>(() => empty.ArgMax(axis: 1));
        Assert.Equal(new Shape(0), empty.Max(axis: 0).Shape);
        Assert.Equal(0f, empty.Sum().Item());
    }
}
