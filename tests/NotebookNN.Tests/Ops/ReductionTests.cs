using NotebookNN;
using static NotebookNN.Tests.Ops.OpsTestHelpers;

namespace NotebookNN.Tests.Ops;

/// <summary>Reductions over every axis (null, each, negative) with and without keepDims on odd shapes, vs float64.</summary>
public class ReductionTests
{
    private static readonly Dictionary<string, (Func<Tensor, int?, bool, Tensor> Op, Func<double[], double> Ref, bool NeedsElements)> Ops = new()
    {
        ["sum"] = ((t, a, k) => t.Sum(a, k), v => v.Sum(), false),
        ["mean"] = ((t, a, k) => t.Mean(a, k), v => v.Length == 0 ? double.NaN : v.Average(), false),
        ["max"] = ((t, a, k) => t.Max(a, k), v => v.Max(), true),
        ["min"] = ((t, a, k) => t.Min(a, k), v => v.Min(), true),
        ["var"] = ((t, a, k) => t.Var(a, k), Variance, false),
        ["std"] = ((t, a, k) => t.Std(a, k), v => Math.Sqrt(Variance(v)), false),
        ["argmax"] = ((t, a, k) => t.ArgMax(a, k), v => Array.IndexOf(v, v.Max()), true),
        ["argmin"] = ((t, a, k) => t.ArgMin(a, k), v => Array.IndexOf(v, v.Min()), true),
    };

    private static double Variance(double[] v)
    {
        if (v.Length == 0) return double.NaN;
        double m = v.Average();
        return v.Sum(x => (x - m) * (x - m)) / v.Length;
    }

    private static readonly int[][] ShapesToTest = [[], [1], [17], [3, 5, 7], [1, 4, 1], [2, 0, 3], [4, 33], [2, 3, 1, 5], [100_003], [300, 257]];

    public static TheoryData<string> Names => [.. Ops.Keys];

    [Theory, MemberData(nameof(Names))]
    public void EveryAxisAndKeepDimsMatchFloat64(string name)
    {
        var (op, reference, needsElements) = Ops[name];
        foreach (var dims in ShapesToTest)
        {
            var x = T(Uniform(new Shape(dims).Size, -4, 4, dims.Sum()), dims);
            var axes = new List<int?> { null };
            for (int a = 0; a < dims.Length; a++) { axes.Add(a); axes.Add(a - dims.Length); }
            foreach (var axis in axes)
                foreach (bool keep in new[] { false, true })
                {
                    int? ax = axis is { } v ? (v < 0 ? v + dims.Length : v) : null;
                    bool empty = ax is { } i ? dims[i] == 0 : x.Size == 0;
                    if (needsElements && empty)
                    {
                        Assert.Throws<ArgumentException>(() => op(x, axis, keep));
                        continue;
                    }
                    var got = op(x, axis, keep);
                    var (expectedDims, expected) = Reference(x, ax, keep, reference);
                    string ctx = $"{name} of {x.Shape} axis={axis} keepDims={keep}";
                    Assert.True(new Shape(expectedDims) == got.Shape, $"{ctx}: shape {got.Shape}, expected {new Shape(expectedDims)}");
                    AssertClose(got.ToArray(), expected, 2e-5, ctx);
                }
        }
    }

    [Theory]
    [InlineData(new[] { 0, 2 }), InlineData(new[] { -1, 0 }), InlineData(new[] { 1 }), InlineData(new int[0])]
    public void SumAndMeanOverSeveralAxes(int[] axes)
    {
        int[] dims = [3, 5, 7];
        var x = T(Uniform(105, -2, 2, 9), dims);
        var norm = axes.Select(a => a < 0 ? a + 3 : a).ToHashSet();
        foreach (bool keep in new[] { false, true })
        {
            var sum = x.Sum(axes, keep);
            var mean = x.Mean(axes, keep);
            var v = x.ToArray();
            var outDims = Enumerable.Range(0, 3).Where(a => keep || !norm.Contains(a)).Select(a => norm.Contains(a) ? 1 : dims[a]).ToArray();
            var keptDims = Enumerable.Range(0, 3).Select(a => norm.Contains(a) ? 1 : dims[a]).ToArray();
            var expected = new double[new Shape(keptDims).Size];
            int count = norm.Aggregate(1, (c, a) => c * dims[a]);
            for (int i = 0; i < v.Length; i++) expected[RavelBroadcast(Unravel(i, dims), keptDims)] += v[i];
            Assert.Equal(new Shape(outDims), sum.Shape);
            Assert.Equal(new Shape(outDims), mean.Shape);
            AssertClose(sum.ToArray(), expected, 1e-5, "sum");
            AssertClose(mean.ToArray(), [.. expected.Select(e => e / count)], 1e-5, "mean");
        }
    }

    [Fact]
    public void ReducingNoAxesCopies()
    {
        var v = new Variable(Tensor.From([1f, 2f]));
        var s = v.Sum(Array.Empty<int>());
        v.Assign(Tensor.From([5f, 6f]));
        Assert.Equal(new[] { 1f, 2f }, s.ToArray());
    }

    [Fact]
    public void NaNPropagatesThroughReductionsAndArgMaxPointsAtIt()
    {
        var x = Tensor.From([1f, float.NaN, 3f, 2f]);
        Assert.True(float.IsNaN(x.Sum().Item()));
        Assert.True(float.IsNaN(x.Max().Item()));
        Assert.True(float.IsNaN(x.Min().Item()));
        Assert.Equal(1f, x.ArgMax().Item());
        Assert.Equal(1f, x.ArgMin().Item());
    }

    [Fact]
    public void FirstOfTiedMaximaWins()
    {
        var x = Tensor.From([1f, 5f, 5f, 2f, 0f, 0f], [2, 3]);
        Assert.Equal(new[] { 1f, 0f }, x.ArgMax(axis: 1).ToArray());
        Assert.Equal(new[] { 0f, 1f }, x.ArgMin(axis: 1).ToArray());
    }

    // The reduced slice for every output element, by walking the input multi-indices (independent of the kernels).
    private static (int[] Dims, double[] Values) Reference(Tensor x, int? axis, bool keep, Func<double[], double> f)
    {
        var dims = x.Dims;
        var v = x.ToArray();
        var keptDims = dims.Select((d, a) => axis is null || axis == a ? 1 : d).ToArray();
        var outDims = keep ? keptDims : axis is null ? [] : dims.Where((_, a) => a != axis).ToArray();
        var groups = new List<double>[new Shape(keptDims).Size];
        for (int i = 0; i < groups.Length; i++) groups[i] = [];
        for (int i = 0; i < v.Length; i++) groups[RavelBroadcast(Unravel(i, dims), keptDims)].Add(v[i]);
        return (outDims, [.. groups.Select(g => f([.. g]))]);
    }
}
