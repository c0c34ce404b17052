using NotebookNN;

namespace NotebookNN.Tests.Tensors;

public class CreationRangesTests
{
    [Theory]
    [InlineData(0, 5, 1, 5)]
    [InlineData(0, 1, 0.1, 10)]
    [InlineData(1, 0, -0.25, 4)]
    [InlineData(5, 1, 1, 0)]
    [InlineData(-3, 3, 2, 3)]
    [InlineData(0, 1, 0.3, 4)]
    [InlineData(2, 2, 1, 0)]
    public void ArangeFollowsNumpysLengthRule(double start, double stop, double step, int expectedLength)
    {
        var t = Tensor.Arange(start, stop, step);
        Assert.Equal([expectedLength], t.Shape.ToArray());
        var v = t.ToArray();
        for (int i = 0; i < v.Length; i++) Assert.Equal((float)(start + i * step), v[i]);
    }

    [Fact]
    public void ArangeStopOnlyAndErrors()
    {
        Assert.Equal([0f, 1, 2, 3], Tensor.Arange(4).ToArray());
        Assert.Empty(Tensor.Arange(-2).ToArray());
        Assert.Equal("Arange expects a non-zero finite step. Received: step=0", Assert.Throws<ArgumentException>(() => Tensor.Arange(0, 1, 0)).Message);
        Assert.Throws<ArgumentException>(() => Tensor.Arange(0, double.PositiveInfinity));
    }

    [Fact]
    public void LinspaceMatchesNumpy()
    {
        Assert.Equal([0f, 0.25f, 0.5f, 0.75f, 1f], Tensor.Linspace(0, 1, 5).ToArray());
        Assert.Equal([0f, 0.2f, 0.4f, 0.6f, 0.8f], Tensor.Linspace(0, 1, 5, endpoint: false).ToArray());
        Assert.Equal([2f], Tensor.Linspace(2, 3, 1).ToArray());
        Assert.Empty(Tensor.Linspace(2, 3, 0).ToArray());
        Assert.Equal(50, Tensor.Linspace(-1, 1).Size);
        var v = Tensor.Linspace(-1, 1).ToArray();
        for (int i = 0; i < 49; i++) Assert.Equal((float)(-1 + i * (2.0 / 49)), v[i]);
        Assert.Equal(1f, v[49]);
        Assert.Equal("Number of samples, -1, must be non-negative.", Assert.Throws<ArgumentException>(() => Tensor.Linspace(0, 1, -1)).Message);
    }

    [Theory]
    [InlineData(3, null, 0)]
    [InlineData(2, 4, 1)]
    [InlineData(4, 2, -1)]
    [InlineData(3, 3, 5)]
    public void EyeHasOnesOnTheDiagonal(int n, int? m, int k)
    {
        var a = Tensor.Eye(n, m, k).ToArray2D();
        Assert.Equal(n, a.GetLength(0));
        Assert.Equal(m ?? n, a.GetLength(1));
        for (int i = 0; i < a.GetLength(0); i++)
            for (int j = 0; j < a.GetLength(1); j++) Assert.Equal(j - i == k ? 1f : 0f, a[i, j]);
    }

    [Fact]
    public void EyeRejectsNegativeSizes() =>
        Assert.Equal("Eye expects non-negative dimensions. Received: n=-1, m=-1", Assert.Throws<ArgumentException>(() => Tensor.Eye(-1)).Message);
}
