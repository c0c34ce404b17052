using NotebookNN;
using NotebookNN.Tests.Support;
using static NotebookNN.Tests.Tensors.ViewAssert;

namespace NotebookNN.Tests.Tensors;

public class IndexingTests
{
    private static readonly int[] D = [3, 4, 5];

    [Fact]
    public void IntDropsFirstAxisAndSharesStorage()
    {
        var x = Iota(D);
        var row = x[1];
        Assert.Same(x.Data, row.Data);
        Elements(row, [4, 5], i => Flat(D, 1, i[0], i[1]));
        Elements(x[-1], [4, 5], i => Flat(D, 2, i[0], i[1]));
        Elements(x[^1], [4, 5], i => Flat(D, 2, i[0], i[1]));
        Elements(x[^3], [4, 5], i => Flat(D, 0, i[0], i[1]));
    }

    [Fact]
    public void RangesSliceFirstAxis()
    {
        var x = Iota(D);
        Elements(x[..2], [2, 4, 5], i => Flat(D, i[0], i[1], i[2]));
        Elements(x[1..], [2, 4, 5], i => Flat(D, i[0] + 1, i[1], i[2]));
        Elements(x[^2..^1], [1, 4, 5], i => Flat(D, i[0] + 1, i[1], i[2]));
        Assert.Same(x.Data, x[1..].Data);
    }

    [Fact]
    public void RangesClampLikeNumpy()
    {
        var x = Iota(5);
        Elements(x[..10], [5], i => i[0]);
        Elements(x[3..1], [0], _ => 0);
        Elements(x[7..], [0], _ => 0);
        Assert.Equal("(0,)", x[7..].Shape.ToString());
    }

    [Fact]
    public void MultiAxisMixes()
    {
        var x = Iota(D);
        Elements(x[.., 1..3], [3, 2, 5], i => Flat(D, i[0], i[1] + 1, i[2]));
        Elements(x[0, 1], [5], i => Flat(D, 0, 1, i[0]));
        Elements(x[2.., ..3, 1], [1, 3], i => Flat(D, i[0] + 2, i[1], 1));
        Elements(x[.., .., 4], [3, 4], i => Flat(D, i[0], i[1], 4));
        Elements(x[.., ^1, 1..^1], [3, 3], i => Flat(D, i[0], 3, i[1] + 1));
        var scalar = x[1, 2, 3];
        Assert.Equal(0, scalar.NDim);
        Assert.Equal(Flat(D, 1, 2, 3), scalar.Item());
    }

    [Fact]
    public void SlicesOfSlicesAndOfTransposes()
    {
        var x = Iota(D);
        Elements(x[1..][.., 2..][0], [2, 5], i => Flat(D, 1, i[0] + 2, i[1]));
        Elements(x[.., 1..3][.., .., 2..4][1..], [2, 2, 2], i => Flat(D, i[0] + 1, i[1] + 1, i[2] + 2));
        var t = x.Transpose(2, 0, 1);                          // (5, 3, 4): t[a, b, c] = x[b, c, a]
        Elements(t[1..4, .., 2], [3, 3], i => Flat(D, i[1], 2, i[0] + 1));
        Elements(t[.., 1][2..], [3, 4], i => Flat(D, 1, i[1], i[0] + 2));
    }

    [Fact]
    public void ViewsSeeWritesToTheSource()
    {
        var x = Iota(D);
        var v = x[.., 2, 1..];
        x.Data[Flat(D, 2, 2, 3)] = -7f;
        Assert.Equal(-7f, v[2, 2].Item());
    }

    [Fact]
    public void ContiguousOfViewsIsRowMajor()
    {
        var x = Iota(D);
        var v = x.Transpose()[1.., ..3];                       // (4, 3, 3) of a reversed-axes view
        Assert.False(v.IsContiguous);
        var c = v.Contiguous();
        Assert.True(c.IsContiguous);
        Elements(c, [4, 3, 3], i => Flat(D, i[2], i[1], i[0] + 1));
        var row = x[1];
        Assert.Same(row, row.Contiguous());
    }

    [Fact]
    public void OutOfRangeUsesNumpyWords()
    {
        var x = Iota(5);
        Assert.Equal("index 10 is out of bounds for axis 0 with size 5", Assert.Throws<IndexOutOfRangeException>(() => x[10]).Message);
        Assert.Equal("index -6 is out of bounds for axis 0 with size 5", Assert.Throws<IndexOutOfRangeException>(() => x[-6]).Message);
        Assert.Equal("index -6 is out of bounds for axis 0 with size 5", Assert.Throws<IndexOutOfRangeException>(() => x[^6]).Message);
        Assert.Equal("index 5 is out of bounds for axis 0 with size 5", Assert.Throws<IndexOutOfRangeException>(() => x[^0]).Message);
        var y = Iota(D);
        Assert.Equal("index 4 is out of bounds for axis 1 with size 4", Assert.Throws<IndexOutOfRangeException>(() => y[0, 4]).Message);
        var e = Assert.Throws<IndexOutOfRangeException>(() => y[0, 0, 0, 0]);
        Assert.Contains("too many indices for tensor: tensor is 3-dimensional, but 4 were indexed", e.Message);
    }

    [Fact]
    public void ToArray2DCopiesRows()
    {
        var a = Iota(D)[1, .., 1..3].ToArray2D();
        Assert.Equal(4, a.GetLength(0));
        Assert.Equal(2, a.GetLength(1));
        for (int r = 0; r < 4; r++)
            for (int c = 0; c < 2; c++) Assert.Equal(Flat(D, 1, r, c + 1), a[r, c]);
        var ex = Assert.Throws<InvalidOperationException>(() => Iota(D).ToArray2D());
        Assert.Equal("ToArray2D() expects a 2-D tensor. Received: shape=(3, 4, 5) (3-D)", ex.Message);
    }

    private static Tensor Rand(params int[] dims) => Tensor.RandomNormal(dims, seed: dims.Sum());

    [Fact]
    public void GradientOfIndexAndSlices()
    {
        GradCheck.Check(v => v[0][0][1], [Rand(3, 4, 5)]);
        GradCheck.Check(v => v[0][^1], [Rand(3, 4)]);
        GradCheck.Check(v => v[0][1..3], [Rand(4, 3)]);
        GradCheck.Check(v => v[0][.., 1..3, 2], [Rand(2, 4, 3)]);
        GradCheck.Check(v => v[0].Transpose()[1.., ..2], [Rand(3, 4, 2)]);
        GradCheck.Check(v => v[0][1, 2], [Rand(3, 4)]);
    }

    [Fact]
    public void GradientOfSliceIsZeroOutsideIt()
    {
        var x = Iota(3, 2);
        using var tape = new GradientTape();
        tape.Watch(x);
        var y = x[1..];
        var g = tape.Gradient(y, x)!;
        Assert.Equal([0f, 0f, 1f, 1f, 1f, 1f], g.ToArray());
    }
}
