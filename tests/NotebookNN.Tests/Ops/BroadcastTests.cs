using NotebookNN;
using NotebookNN.Tests.Ops.Fixtures;
using static NotebookNN.Tests.Ops.OpsTestHelpers;

namespace NotebookNN.Tests.Ops;

/// <summary>Broadcasting against numpy's result shapes (Fixtures/make_broadcast_shapes.py) and a naive
/// multi-index float64 reference for the values.</summary>
public class BroadcastTests
{
    public static TheoryData<int> PairIndices => [.. Enumerable.Range(0, BroadcastShapes.Pairs.Length)];

    [Theory, MemberData(nameof(PairIndices))]
    public void FollowsNumpyRules(int index)
    {
        var (aDims, bDims, result) = BroadcastShapes.Pairs[index];
        var a = T(Uniform(new Shape(aDims).Size, -3, 3, 1), aDims);
        var b = T(Uniform(new Shape(bDims).Size, 0.5, 3, 2), bDims);
        if (result is null)
        {
            var e = Assert.Throws<ArgumentException>(() => a * b);
            Assert.Equal($"Operands could not be broadcast together with shapes {new Shape(aDims)} {new Shape(bDims)}", e.Message);
            Assert.Throws<ArgumentException>(() => a > b);
            return;
        }
        var ops = new (Func<Tensor, Tensor, Tensor> Op, Func<double, double, double> Ref)[]
        {
            ((x, y) => x + y, (x, y) => x + y), ((x, y) => x - y, (x, y) => x - y),
            ((x, y) => x * y, (x, y) => x * y), ((x, y) => x / y, (x, y) => x / y),
            (Tensor.Maximum, Math.Max), ((x, y) => x < y, (x, y) => x < y ? 1 : 0),
        };
        foreach (var (op, reference) in ops)
        {
            var got = op(a, b);
            Assert.Equal(new Shape(result), got.Shape);
            AssertClose(got.ToArray(), Reference(a, b, result, reference), 1e-6, $"{new Shape(aDims)} with {new Shape(bDims)}");
        }
    }

    [Fact]
    public void LargeBroadcastTakesTheThreadedPathCorrectly()
    {
        int[] aDims = [301, 1, 257], bDims = [3, 1];
        var a = T(Uniform(301 * 257, -1, 1, 3), aDims);
        var b = T(Uniform(3, -1, 1, 4), bDims);
        var got = a * b;
        Assert.Equal(new Shape(301, 3, 257), got.Shape);
        AssertClose(got.ToArray(), Reference(a, b, [301, 3, 257], (x, y) => x * y), 1e-6, "large");
    }

    [Fact]
    public void StridedViewsBroadcast()
    {
        var data = Enumerable.Range(0, 6).Select(i => (float)i).ToArray();
        var transposed = new Tensor(data, 0, [3, 2], [1, 3]); // [[0,3],[1,4],[2,5]]
        var sum = transposed + Tensor.From([10f, 20f]);
        Assert.Equal(new[] { 10f, 23f, 11f, 24f, 12f, 25f }, sum.ToArray());
        var column = new Tensor(data, 1, [2, 1], [3, 1]); // [[1],[4]]
        Assert.Equal(new[] { 1f, 2f, 4f, 8f }, (column * Tensor.From([1f, 2f])).ToArray());
    }

    [Fact]
    public void SumToReducesABroadcastGradientToTheInputShape()
    {
        var g = T(Uniform(2 * 3 * 4, -1, 1, 5), 2, 3, 4);
        var reduced = Broadcast.SumTo(g, new Shape(3, 1));
        Assert.Equal(new Shape(3, 1), reduced.Shape);
        var v = g.ToArray();
        var expected = new double[3];
        for (int i = 0; i < v.Length; i++) expected[i / 4 % 3] += v[i];
        AssertClose(reduced.ToArray(), expected, 1e-6, "SumTo");
    }

    private static double[] Reference(Tensor a, Tensor b, int[] dims, Func<double, double, double> f)
    {
        var av = a.ToArray(); var bv = b.ToArray();
        var result = new double[new Shape(dims).Size];
        for (int i = 0; i < result.Length; i++)
        {
            var idx = Unravel(i, dims);
            result[i] = f(av[RavelBroadcast(idx, a.Dims)], bv[RavelBroadcast(idx, b.Dims)]);
        }
        return result;
    }
}
