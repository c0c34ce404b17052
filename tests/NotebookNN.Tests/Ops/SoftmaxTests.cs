using NotebookNN;
using static NotebookNN.Tests.Ops.OpsTestHelpers;

namespace NotebookNN.Tests.Ops;

/// <summary>Softmax and LogSoftmax values on every axis against a float64 reference, including logits that
/// overflow a naive exp.</summary>
public class SoftmaxTests
{
    public static TheoryData<int[], int, double> Cases => new()
    {
        { [5, 1], -1, 3 }, { [3, 17], -1, 3 }, { [2, 64], 1, 3 }, { [4, 131], -1, 900 }, { [3, 4, 5], 0, 3 },
        { [3, 4, 5], 1, 50 }, { [3, 4, 5], -2, 3 }, { [7], 0, 3 }, { [2, 1, 3], 1, 3 }, { [0, 4], -1, 1 }, { [10_007, 10], -1, 8 },
    };

    [Theory, MemberData(nameof(Cases))]
    public void MatchesFloat64(int[] dims, int axis, double scale)
    {
        var x = T(Uniform(new Shape(dims).Size, -scale, scale, dims.Sum() + axis), dims);
        int ax = axis < 0 ? axis + dims.Length : axis;
        var (soft, logSoft) = Reference(x.ToArray(), dims, ax);
        var y = Tensor.Softmax(x, axis);
        var ly = x.LogSoftmax(axis);
        Assert.Equal(x.Shape, y.Shape);
        Assert.Equal(x.Shape, ly.Shape);
        AssertClose(y.ToArray(), soft, 1e-6, $"softmax {x.Shape} axis {axis}");
        AssertClose(ly.ToArray(), logSoft, 1e-5, $"log_softmax {x.Shape} axis {axis}");
    }

    [Fact]
    public void LengthsAcrossVectorTails()
    {
        for (int cols = 1; cols <= 70; cols++)
        {
            var x = T(Uniform(2 * cols, -20, 20, cols), 2, cols);
            var (soft, logSoft) = Reference(x.ToArray(), [2, cols], 1);
            AssertClose(x.Softmax().ToArray(), soft, 1e-6, $"softmax cols={cols}");
            AssertClose(x.LogSoftmax().ToArray(), logSoft, 1e-5, $"log_softmax cols={cols}");
        }
    }

    private static (double[] Soft, double[] LogSoft) Reference(float[] v, int[] dims, int axis)
    {
        var keptDims = dims.Select((d, a) => a == axis ? 1 : d).ToArray();
        var lse = new double[new Shape(keptDims).Size];
        var max = Enumerable.Repeat(double.NegativeInfinity, lse.Length).ToArray();
        var key = new int[v.Length];
        for (int i = 0; i < v.Length; i++) { key[i] = RavelBroadcast(Unravel(i, dims), keptDims); max[key[i]] = Math.Max(max[key[i]], v[i]); }
        for (int i = 0; i < v.Length; i++) lse[key[i]] += Math.Exp(v[i] - max[key[i]]);
        for (int k = 0; k < lse.Length; k++) lse[k] = max[k] + Math.Log(lse[k]);
        var logSoft = v.Select((x, i) => x - lse[key[i]]).ToArray();
        return ([.. logSoft.Select(Math.Exp)], logSoft);
    }
}
