using NotebookNN;
using NotebookNN.Tests.Support;

namespace NotebookNN.Tests.Tensors;

public class MatMulTests
{
    internal static Tensor Random(Random rng, params int[] dims)
    {
        var n = dims.Aggregate(1, (p, d) => p * d);
        var v = new float[n];
        for (int i = 0; i < n; i++) v[i] = rng.NextSingle() * 2 - 1;
        return Tensor.From(v, dims);
    }

    /// <summary>Element (index) of a tensor through its strides, as the reference reads it.</summary>
    internal static double At(Tensor t, params int[] index)
    {
        int o = t.Offset;
        for (int i = 0; i < index.Length; i++) o += index[i] * t.Strides[i];
        return t.Data[o];
    }

    /// <summary>numpy matmul in float64 by definition: batch axes broadcast, 1-D operands promoted.</summary>
    private static (double[] Values, int[] Dims) Reference(Tensor a, Tensor b)
    {
        int[] ad = a.NDim == 1 ? [1, a.Dims[0]] : a.Dims, bd = b.NDim == 1 ? [b.Dims[0], 1] : b.Dims;
        int m = ad[^2], k = ad[^1], n = bd[^1];
        int rank = Math.Max(ad.Length, bd.Length) - 2;
        var batch = new int[rank];
        for (int i = 0; i < rank; i++)
        {
            int ia = i - (rank - (ad.Length - 2)), ib = i - (rank - (bd.Length - 2));
            batch[i] = Math.Max(ia >= 0 ? ad[ia] : 1, ib >= 0 ? bd[ib] : 1);
        }
        int count = batch.Aggregate(1, (p, d) => p * d);
        var r = new double[count * m * n];
        for (int bi = 0; bi < count; bi++)
        {
            var idx = new int[rank];
            for (int i = rank - 1, rem = bi; i >= 0; i--) { idx[i] = rem % batch[i]; rem /= batch[i]; }
            int[] Sub(int[] dims) => [.. Enumerable.Range(0, dims.Length - 2).Select(i => dims[i] == 1 ? 0 : idx[i + rank - (dims.Length - 2)])];
            var ia = Sub(ad); var ib = Sub(bd);
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++)
                {
                    double s = 0;
                    for (int p = 0; p < k; p++)
                        s += (a.NDim == 1 ? At(a, p) : At(a, [.. ia, i, p])) * (b.NDim == 1 ? At(b, p) : At(b, [.. ib, p, j]));
                    r[(bi * m + i) * n + j] = s;
                }
        }
        var outDims = new List<int>(batch);
        if (a.NDim > 1) outDims.Add(m);
        if (b.NDim > 1) outDims.Add(n);
        return (r, [.. outDims]);
    }

    private static void AssertMatches(Tensor a, Tensor b)
    {
        var got = Tensor.MatMul(a, b);
        var (want, dims) = Reference(a, b);
        Assert.Equal(Shape.Format(dims), got.Shape.ToString());
        var g = got.ToArray();
        for (int i = 0; i < want.Length; i++) Assert.True(Math.Abs(g[i] - want[i]) <= 1e-5 * (1 + Math.Abs(want[i])), $"element {i}: {g[i]} vs {want[i]}");
    }

    public static TheoryData<int[], int[]> Shapes => new()
    {
        { [2, 3], [3, 4] }, { [32, 78], [78, 30] }, { [3], [3, 4] }, { [2, 3], [3] }, { [5], [5] },
        { [2, 3, 4], [2, 4, 5] }, { [2, 3, 4], [4, 5] }, { [4], [2, 4, 5] }, { [2, 3, 4], [4] },
        { [2, 1, 3, 4], [3, 4, 5] }, { [1, 3, 4], [2, 4, 2] }, { [0, 3], [3, 2] }, { [2, 0], [0, 3] }, { [2, 0, 3], [3, 4] },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Values_MatchFloat64Reference(int[] a, int[] b)
    {
        var rng = new Random(a.Sum() * 31 + b.Sum());
        AssertMatches(Random(rng, a), Random(rng, b));
        Assert.Equal(Tensor.MatMul(Random(rng, a), Random(rng, b)).Shape, Random(rng, a).MatMul(Random(rng, b)).Shape);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Gradients_MatchFiniteDifferences(int[] a, int[] b)
    {
        var rng = new Random(7);
        Tensor[] inputs = [Random(rng, a), Random(rng, b)];
        if (inputs.All(t => t.Size > 0))
        {
            GradCheck.Check(t => Tensor.MatMul(t[0], t[1]), inputs);
            return;
        }
        // an empty axis: every gradient is empty or a sum over nothing, i.e. zeros of the input's shape
        using var tape = new GradientTape();
        foreach (var t in inputs) tape.Watch(t);
        var y = Tensor.MatMul(inputs[0], inputs[1]);
        var grads = tape.Gradient(y, inputs, Tensor.Ones(y.Shape));
        for (int i = 0; i < 2; i++)
        {
            Assert.Equal(inputs[i].Shape, grads[i]!.Shape);
            Assert.All(grads[i]!.ToArray(), v => Assert.Equal(0f, v));
        }
    }

    /// <summary>(rows, cols) view of a (cols, rows) tensor: a transposed matrix Gemm can read in place.</summary>
    internal static Tensor TransposedView(Tensor t)
    {
        var view = new Tensor(t.Data, t.Offset, [t.Dims[1], t.Dims[0]], [t.Strides[1], t.Strides[0]]);
        GradientTape.Record(view, t, g => TransposedView(g).Contiguous()); // the views engineer's op, minimal
        return view;
    }

    [Fact]
    public void TransposedAndStridedViews_MatchReference()
    {
        var rng = new Random(3);
        var aT = TransposedView(Random(rng, 17, 9));          // (9, 17), stored transposed
        var bT = TransposedView(Random(rng, 5, 17));          // (17, 5), stored transposed
        var strided = new Tensor(Random(rng, 9, 34).Data, 0, [9, 17], [34, 2]); // every other column: copied
        AssertMatches(aT, bT);
        AssertMatches(aT, Random(rng, 17, 5));
        AssertMatches(strided, bT);
        var batchT = new Tensor(Random(rng, 2, 4, 3).Data, 0, [2, 3, 4], [12, 1, 3]); // per-batch transposes
        AssertMatches(batchT, Random(rng, 2, 4, 6));
        GradCheck.Check(t => Tensor.MatMul(TransposedView(t[0]), TransposedView(t[1])), [Random(rng, 4, 3), Random(rng, 5, 4)]);
    }

    [Fact]
    public void InnerAxisMismatch_NamesBothShapes()
    {
        var e = Assert.Throws<ArgumentException>(() => Tensor.MatMul(Tensor.Zeros([32, 785]), Tensor.Zeros([784, 300])));
        Assert.Equal("Matmul shape mismatch: cannot multiply (32, 785) by (784, 300): axis -1 of the first (785) must equal axis -2 of the second (784)", e.Message);
        var v = Assert.Throws<ArgumentException>(() => Tensor.MatMul(Tensor.Zeros([2, 3]), Tensor.Zeros([4])));
        Assert.Contains("(2, 3) by (4,)", v.Message);
    }

    [Fact]
    public void BatchAxesThatDoNotBroadcast_AndScalars_Throw()
    {
        var e = Assert.Throws<ArgumentException>(() => Tensor.MatMul(Tensor.Zeros([2, 3, 4]), Tensor.Zeros([3, 4, 5])));
        Assert.Contains("(2, 3, 4) by (3, 4, 5)", e.Message);
        Assert.Contains("2 vs 3", e.Message);
        Assert.Contains("rank >= 1", Assert.Throws<ArgumentException>(() => Tensor.MatMul(Tensor.Scalar(2), Tensor.Zeros([3]))).Message);
    }
}
