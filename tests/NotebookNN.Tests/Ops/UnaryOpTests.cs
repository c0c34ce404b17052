using NotebookNN;
using static NotebookNN.Tests.Ops.OpsTestHelpers;

namespace NotebookNN.Tests.Ops;

/// <summary>Every unary op (and tensor∘scalar form) at every length 0..256 and one threaded length, against float64.</summary>
public class UnaryOpTests
{
    private sealed record Case(Func<Tensor, Tensor> Op, Func<double, double> Reference, double Lo, double Hi, double Tol = 1e-5);

    private static double Sig(double x) => 1 / (1 + Math.Exp(-x));
    private const double SeluAlpha = 1.6732632423543772848170429916717, SeluScale = 1.0507009873554804934193349852946;

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["neg"] = new(x => -x, x => -x, -10, 10),
        ["abs"] = new(Tensor.Abs, Math.Abs, -10, 10),
        ["exp"] = new(Tensor.Exp, Math.Exp, -30, 30),
        ["exp_wide"] = new(Tensor.Exp, Math.Exp, -110, 90),
        ["exp_instance"] = new(x => x.Exp(), Math.Exp, -5, 5),
        ["log"] = new(Tensor.Log, Math.Log, 1e-3, 1e3),
        ["sqrt"] = new(Tensor.Sqrt, Math.Sqrt, 0, 100),
        ["square"] = new(Tensor.Square, x => x * x, -10, 10),
        ["pow3"] = new(x => Tensor.Pow(x, 3f), x => x * x * x, -3, 3),
        ["pow2"] = new(x => x.Pow(2f), x => x * x, -3, 3),
        ["pow_half"] = new(x => x.Pow(0.5f), Math.Sqrt, 0, 9),
        ["pow_neg"] = new(x => x.Pow(-1.5f), x => Math.Pow(x, -1.5), 0.1, 9),
        ["clip"] = new(x => Tensor.Clip(x, -0.5f, 0.7f), x => Math.Clamp(x, -0.5, 0.7), -2, 2),
        ["maximum_scalar"] = new(x => Tensor.Maximum(x, 0.3f), x => Math.Max(x, 0.3), -2, 2),
        ["minimum_scalar"] = new(x => x.Minimum(0.3f), x => Math.Min(x, 0.3), -2, 2),
        ["add_scalar"] = new(x => x + 2.5f, x => x + 2.5, -10, 10),
        ["scalar_add"] = new(x => 2.5f + x, x => 2.5 + x, -10, 10),
        ["sub_scalar"] = new(x => x - 2.5f, x => x - 2.5, -10, 10),
        ["scalar_sub"] = new(x => 2.5f - x, x => 2.5 - x, -10, 10),
        ["mul_scalar"] = new(x => x * 1.5f, x => x * 1.5, -10, 10),
        ["scalar_mul"] = new(x => 1.5f * x, x => x * 1.5, -10, 10),
        ["div_scalar"] = new(x => x / 1.5f, x => x / 1.5, -10, 10),
        ["scalar_div"] = new(x => 1.5f / x, x => 1.5 / x, 0.1, 10),
        ["gt_scalar"] = new(x => x > 0.25f, x => x > 0.25 ? 1 : 0, -1, 1),
        ["ge_scalar"] = new(x => x >= 0.25f, x => x >= 0.25 ? 1 : 0, -1, 1),
        ["lt_scalar"] = new(x => x < 0.25f, x => x < 0.25 ? 1 : 0, -1, 1),
        ["le_scalar"] = new(x => x <= 0.25f, x => x <= 0.25 ? 1 : 0, -1, 1),
        ["scalar_gt"] = new(x => 0.25f > x, x => 0.25 > x ? 1 : 0, -1, 1),
        ["relu"] = new(Tensor.Relu, x => Math.Max(x, 0), -5, 5),
        ["leaky_relu"] = new(x => x.LeakyRelu(), x => x >= 0 ? x : 0.2 * x, -5, 5),
        ["leaky_relu_0.05"] = new(x => Tensor.LeakyRelu(x, 0.05f), x => x >= 0 ? x : 0.05 * x, -5, 5),
        ["elu"] = new(x => Tensor.Elu(x), x => x > 0 ? x : Math.Exp(x) - 1, -10, 5),
        ["elu_0.5"] = new(x => x.Elu(0.5f), x => x > 0 ? x : 0.5 * (Math.Exp(x) - 1), -10, 5),
        ["selu"] = new(Tensor.Selu, x => SeluScale * (x > 0 ? x : SeluAlpha * (Math.Exp(x) - 1)), -10, 5),
        ["sigmoid"] = new(Tensor.Sigmoid, Sig, -40, 40),
        ["hard_sigmoid"] = new(Tensor.HardSigmoid, x => x < -3 ? 0 : x > 3 ? 1 : x / 6 + 0.5, -5, 5),
        ["tanh"] = new(Tensor.Tanh, Math.Tanh, -12, 12),
        ["tanh_small"] = new(Tensor.Tanh, Math.Tanh, -0.7, 0.7, 2e-6),
        ["softplus"] = new(Tensor.Softplus, x => Math.Max(x, 0) + Math.Log(1 + Math.Exp(-Math.Abs(x))), -40, 40),
        ["softsign"] = new(Tensor.Softsign, x => x / (Math.Abs(x) + 1), -10, 10),
        ["swish"] = new(Tensor.Swish, x => x * Sig(x), -20, 20),
        ["silu"] = new(x => x.Silu(), x => x * Sig(x), -20, 20),
        ["exponential"] = new(Tensor.Exponential, Math.Exp, -10, 10),
        ["gelu"] = new(x => Tensor.Gelu(x), x => 0.5 * x * (1 + Erf(x / Math.Sqrt(2))), -6, 6),
        ["gelu_tanh"] = new(x => x.Gelu(approximate: true),
            x => 0.5 * x * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x))), -6, 6),
    };

    public static TheoryData<string> Names => [.. Cases.Keys];

    [Theory, MemberData(nameof(Names))]
    public void MatchesFloat64ReferenceAtEveryLength(string name)
    {
        var c = Cases[name];
        foreach (int n in Lengths)
        {
            var x = Uniform(n, c.Lo, c.Hi, seed: n);
            var got = c.Op(Tensor.From(x));
            Assert.Equal(new Shape(n), got.Shape);
            AssertClose(got.ToArray(), x.Select(v => c.Reference(v)).ToArray(), c.Tol, $"{name} n={n}");
        }
    }

    [Fact]
    public void SoftplusKeepsPrecisionForVeryNegativeInputs()
    {
        var y = Tensor.Softplus(Tensor.From([-20f, -30f])).ToArray();
        Assert.Equal(Math.Exp(-20), y[0], 1e-12);
        Assert.Equal(Math.Exp(-30), y[1], 1e-17);
    }

    [Fact]
    public void NaNPropagatesLikeNumpy()
    {
        var x = Tensor.From([float.NaN, 1f]);
        foreach (var f in new Func<Tensor, Tensor>[] { Tensor.Exp, Tensor.Log, Tensor.Relu, Tensor.Sigmoid, Tensor.Tanh, Tensor.Abs, t => Tensor.Maximum(t, 0f), t => t.Clip(0f, 1f) })
            Assert.True(float.IsNaN(f(x).ToArray()[0]));
        Assert.Equal(new[] { 0f, 0f }, (x > 5f).ToArray());
        Assert.Equal(new[] { 1f, 0f }, Tensor.NotEqual(x, 1f).ToArray());
        Assert.Equal(new[] { 0f, 1f }, Tensor.Equal(x, 1f).ToArray());
    }

    [Fact]
    public void SpecialValuesFollowIeee()
    {
        var special = Enumerable.Repeat(new[] { float.NegativeInfinity, float.PositiveInfinity, float.NaN, -104f, 88.7f }, 8).SelectMany(v => v).ToArray();
        var e = Tensor.Exp(Tensor.From(special)).ToArray(); // 40 elements: the vector path
        for (int i = 0; i < e.Length; i += 5)
        {
            Assert.Equal(0f, e[i]); Assert.Equal(float.PositiveInfinity, e[i + 1]); Assert.True(float.IsNaN(e[i + 2]));
            Assert.Equal(0f, e[i + 3]); Assert.Equal(MathF.Exp(88.7f), e[i + 4], MathF.Exp(88.7f) * 1e-6f);
        }
        Assert.Equal(new[] { float.NegativeInfinity, float.NaN }, Tensor.Log(Tensor.From([0f, -1f])).ToArray());
        Assert.Equal(new[] { float.PositiveInfinity, float.NegativeInfinity }, (Tensor.From([1f, -1f]) / 0f).ToArray());
        Assert.Equal(new[] { 4f, float.NaN }, Tensor.Pow(Tensor.From([-2f, -2f]), Tensor.From([2f, 0.5f])).ToArray());
    }

    [Fact]
    public void StridedViewInputIsReadInLogicalOrder()
    {
        var data = Enumerable.Range(0, 6).Select(i => (float)i).ToArray();
        var transposed = new Tensor(data, 0, [3, 2], [1, 3]); // the (2, 3) matrix transposed
        var y = Tensor.Square(transposed);
        Assert.Equal(new Shape(3, 2), y.Shape);
        Assert.Equal(new[] { 0f, 9f, 1f, 16f, 4f, 25f }, y.ToArray());
    }
}
