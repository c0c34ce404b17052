using NotebookNN;
using NotebookNN.Tests.Support;
using static NotebookNN.Tests.Tensors.ViewAssert;

namespace NotebookNN.Tests.Tensors;

public class ShapeOpsTests
{
    private static Tensor Rand(params int[] dims) => Tensor.RandomNormal(dims, seed: 7 + dims.Sum());

    [Fact]
    public void ReshapeIsAViewWhenContiguousElseACopy()
    {
        var x = Iota(2, 3, 4);
        var r = x.Reshape(-1, 4);
        Assert.Equal([6, 4], r.Shape.ToArray());
        Assert.Same(x.Data, r.Data);
        Elements(r, [6, 4], i => i[0] * 4 + i[1]);
        var t = x.Transpose(1, 0, 2);                          // (3, 2, 4)
        var rt = t.Reshape(6, -1);
        Assert.NotSame(x.Data, rt.Data);
        Elements(rt, [6, 4], i => Flat([2, 3, 4], (i[0] % 2), i[0] / 2, i[1]));
        Assert.Equal([24], x.Flatten().Shape.ToArray());
        Elements(t.Flatten(), [24], i => Flat([2, 3, 4], (i[0] / 4) % 2, i[0] / 8, i[0] % 4));
    }

    [Fact]
    public void ReshapeErrors()
    {
        var x = Iota(2, 3);
        Assert.Equal("cannot reshape tensor of size 6 into shape (4, 2)", Assert.Throws<ArgumentException>(() => x.Reshape(4, 2)).Message);
        Assert.Equal("cannot reshape tensor of size 6 into shape (-1, 4)", Assert.Throws<ArgumentException>(() => x.Reshape(-1, 4)).Message);
        Assert.Contains("can only specify one unknown dimension", Assert.Throws<ArgumentException>(() => x.Reshape(-1, -1)).Message);
        Assert.Contains("shape=(-2, -3)", Assert.Throws<ArgumentException>(() => x.Reshape(-2, -3)).Message);
    }

    [Fact]
    public void TransposeIsAPermutedView()
    {
        int[] d = [2, 3, 4];
        var x = Iota(d);
        var t = x.Transpose(2, 0, 1);
        Assert.Same(x.Data, t.Data);
        Elements(t, [4, 2, 3], i => Flat(d, i[1], i[2], i[0]));
        Elements(x.Transpose(), [4, 3, 2], i => Flat(d, i[2], i[1], i[0]));
        Elements(x.Transpose(-1, 1, 0), [4, 3, 2], i => Flat(d, i[2], i[1], i[0]));
        var m = Iota(3, 5);
        Elements(m.T, [5, 3], i => Flat([3, 5], i[1], i[0]));
        Elements(m.T.T, [3, 5], i => Flat([3, 5], i[0], i[1]));
        var e = Assert.Throws<ArgumentException>(() => x.Transpose(0, 0, 1));
        Assert.Equal("Transpose expects a permutation of the axes of a 3-D tensor. Received: perm=(0, 0, 1) for shape (2, 3, 4)", e.Message);
        Assert.Throws<ArgumentException>(() => x.Transpose(0, 1));
        Assert.Throws<ArgumentException>(() => x.Transpose(0, 1, 3));
    }

    [Fact]
    public void ContiguousCopiesOfLargeTransposesCrossTiles()
    {
        Elements(Iota(70, 45).T.Contiguous(), [45, 70], i => Flat([70, 45], i[1], i[0]));
        Elements(Iota(3, 40, 37).Transpose(0, 2, 1).Contiguous(), [3, 37, 40], i => Flat([3, 40, 37], i[0], i[2], i[1]));
        Elements(Iota(33, 2, 35).Transpose(2, 1, 0)[1.., .., 3..], [34, 2, 30], i => Flat([33, 2, 35], i[2] + 3, i[1], i[0] + 1));
    }

    [Fact]
    public void SqueezeAndExpandDims()
    {
        var x = Iota(1, 3, 1, 2);
        Assert.Equal([3, 2], x.Squeeze().Shape.ToArray());
        Assert.Equal([3, 1, 2], x.Squeeze(0).Shape.ToArray());
        Assert.Equal([1, 3, 2], x.Squeeze(-2).Shape.ToArray());
        Elements(x.Squeeze(), [3, 2], i => i[0] * 2 + i[1]);
        var e = Assert.Throws<ArgumentException>(() => x.Squeeze(1));
        Assert.Equal("cannot select an axis to squeeze out which has size not equal to one. Received: axis=1 for shape (1, 3, 1, 2)", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => x.Squeeze(4));
        var y = Iota(3, 2);
        Assert.Equal([1, 3, 2], y.ExpandDims(0).Shape.ToArray());
        Assert.Equal([3, 1, 2], y.ExpandDims(1).Shape.ToArray());
        Assert.Equal([3, 2, 1], y.ExpandDims(-1).Shape.ToArray());
        Assert.Equal([3, 2, 1], y.ExpandDims(2).Shape.ToArray());
        Assert.Same(y.Data, y.ExpandDims(2).Data);
        Assert.Throws<ArgumentOutOfRangeException>(() => y.ExpandDims(3));
        Elements(y.T.ExpandDims(1), [2, 1, 3], i => Flat([3, 2], i[2], i[0]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(-1)]
    public void ConcatenateMatchesIndexMath(int axis)
    {
        int[] da = [2, 3, 4], db = [2, 3, 4];
        int a = axis < 0 ? axis + 3 : axis;
        db[a] = 2;
        var x = Iota(da);
        var y = Tensor.Arange(100, 100 + db.Aggregate(1, (p, q) => p * q)).Reshape(db);
        var c = Tensor.Concatenate([x, y.Transpose().Transpose()], axis);   // second input a strided view
        int[] dc = (int[])da.Clone();
        dc[a] += db[a];
        Elements(c, dc, i =>
        {
            if (i[a] < da[a]) return Flat(da, i);
            var j = (int[])i.Clone();
            j[a] -= da[a];
            return 100 + Flat(db, j);
        });
    }

    [Fact]
    public void ConcatenateDefaultsToLastAxisAndChecksShapes()
    {
        var c = Tensor.Concatenate([Iota(2, 3), Iota(2, 1)]);
        Assert.Equal([2, 4], c.Shape.ToArray());
        var e = Assert.Throws<ArgumentException>(() => Tensor.Concatenate([Iota(2, 3), Iota(3, 3)]));
        Assert.Equal("Concatenate requires inputs with matching shapes except for the concatenation axis -1. Received: shapes=[(2, 3), (3, 3)]", e.Message);
        Assert.Contains("[(2, 3), (2, 3, 1)]", Assert.Throws<ArgumentException>(() => Tensor.Concatenate([Iota(2, 3), Iota(2, 3, 1)], 0)).Message);
        Assert.Throws<ArgumentException>(() => Tensor.Concatenate([]));
        Assert.Throws<ArgumentException>(() => Tensor.Concatenate([Tensor.Scalar(1), Tensor.Scalar(2)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Tensor.Concatenate([Iota(2, 3)], 2));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(-1)]
    public void StackMatchesIndexMath(int axis)
    {
        int[] d = [2, 3];
        var xs = Enumerable.Range(0, 4).Select(k => Tensor.Arange(100 * k, 100 * k + 6).Reshape(d)).ToArray();
        var s = Tensor.Stack(xs, axis);
        int a = axis < 0 ? axis + 3 : axis;
        var ds = new List<int>(d);
        ds.Insert(a, 4);
        Elements(s, [.. ds], i =>
        {
            var rest = i.ToList();
            int k = rest[a];
            rest.RemoveAt(a);
            return 100 * k + Flat(d, [.. rest]);
        });
    }

    [Fact]
    public void StackChecksShapes()
    {
        var e = Assert.Throws<ArgumentException>(() => Tensor.Stack([Iota(2, 3), Iota(3, 2)]));
        Assert.Equal("Stack expects tensors of the same shape. Received: shapes=[(2, 3), (3, 2)]", e.Message);
        Assert.Throws<ArgumentException>(() => Tensor.Stack([]));
    }

    [Fact]
    public void GatherRowsColumnsAndIndexTensors()
    {
        int[] d = [5, 3, 2];
        var x = Iota(d);
        int[] rows = [4, 0, 1, 2, 2, -1];
        Elements(x.Gather(rows), [6, 3, 2], i => Flat(d, (rows[i[0]] + 5) % 5, i[1], i[2]));
        Elements(x.Gather([2, 0], axis: 1), [5, 2, 2], i => Flat(d, i[0], i[1] == 0 ? 2 : 0, i[2]));
        Elements(x.Transpose(2, 0, 1).Gather([1, 1, 0], axis: -1), [2, 5, 3], i => Flat(d, i[1], i[2] == 2 ? 0 : 1, i[0]));
        var idx = Tensor.From([3f, 1, 0, 4], [2, 2]);
        Elements(x.Gather(idx), [2, 2, 3, 2], i => Flat(d, new[] { 3, 1, 0, 4 }[i[0] * 2 + i[1]], i[2], i[3]));
        Assert.Equal([0, 3, 2], x.Gather(Array.Empty<int>()).Shape.ToArray());
    }

    /// <summary>Large gathers are split across the cores (from 1 MB): every row, including runs of consecutive
    /// indices that cross the split and an odd count, lands where a naive loop puts it.</summary>
    [Fact]
    public void LargeGatherOfShuffledRowsWithRuns()
    {
        const int n = 1001, width = 401;
        var x = Iota(n, width);
        var rng = new Random(11);
        var idx = new List<int>();
        while (idx.Count < 777)
        {
            int start = rng.Next(n - 8), run = rng.Next(1, 8); // runs of consecutive rows are merged into one copy
            for (int r = 0; r < run && idx.Count < 777; r++) idx.Add(start + r);
        }
        int[] rows = [.. idx];
        Assert.True(rows.Length * width * 4 >= 1024 * 1024);
        Elements(x.Gather(rows), [rows.Length, width], i => Flat([n, width], rows[i[0]], i[1]));
    }

    [Fact]
    public void GatherErrors()
    {
        var x = Iota(5, 2);
        Assert.Equal("index 10 is out of bounds for axis 0 with size 5", Assert.Throws<IndexOutOfRangeException>(() => x.Gather([1, 10])).Message);
        Assert.Equal("index -3 is out of bounds for axis 1 with size 2", Assert.Throws<IndexOutOfRangeException>(() => x.Gather([-3], 1)).Message);
        Assert.Contains("integer index values. Received: 1.5", Assert.Throws<ArgumentException>(() => x.Gather(Tensor.From([1.5f]))).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => x.Gather([0], 2));
        Assert.Throws<ArgumentException>(() => Tensor.Scalar(1).Gather([0]));
    }

    [Fact]
    public void GradientsOfShapeOps()
    {
        GradCheck.Check(v => v[0][0].Reshape(3, -1), [Rand(2, 3, 4)]);
        GradCheck.Check(v => v[0].Transpose(2, 0, 1).Reshape(-1), [Rand(2, 3, 4)]);
        GradCheck.Check(v => v[0].Transpose(1, 0)[1..], [Rand(3, 4)]);
        GradCheck.Check(v => v[0].ExpandDims(1).Squeeze(), [Rand(3, 1, 2)]);
        GradCheck.Check(v => v[0].Squeeze(1).ExpandDims(0), [Rand(3, 1, 2)]);
        GradCheck.Check(v => v[0].T.Flatten(), [Rand(3, 2)]);
    }

    [Fact]
    public void GradientsOfJoinsAndGather()
    {
        GradCheck.Check(v => Tensor.Concatenate([v[0], v[1].T, v[0]], axis: 0), [Rand(2, 3), Rand(3, 4)]);
        GradCheck.Check(v => Tensor.Concatenate(v), [Rand(2, 3), Rand(2, 1)]);
        // two and three inputs record a pooled op, four or more a closure: both paths
        GradCheck.Check(v => Tensor.Concatenate([v[0], v[1], v[0], v[1].T.T], axis: 0), [Rand(2, 3), Rand(1, 3)]);
        GradCheck.Check(v => Tensor.Stack(v, axis: 1), [Rand(2, 3), Rand(2, 3), Rand(2, 3)]);
        GradCheck.Check(v => v[0].Gather([2, 0, 2, 2, 3]), [Rand(4, 3)]);
        GradCheck.Check(v => v[0].Gather([1, 1, 0], axis: 1), [Rand(2, 3, 2)]);
    }

    [Fact]
    public void GatherGradientAccumulatesDuplicates()
    {
        var x = Iota(4, 2);
        using var tape = new GradientTape();
        tape.Watch(x);
        var y = x.Gather([1, 3, 1, 1]);
        var g = tape.Gradient(y, x)!;
        Assert.Equal([0f, 0, 3, 3, 0, 0, 1, 1], g.ToArray());
    }
}
