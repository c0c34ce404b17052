using NotebookNN;
using static NotebookNN.Tests.Ops.OpsTestHelpers;

namespace NotebookNN.Tests.Ops;

/// <summary>Every tensor∘tensor op at every length 0..256 and one threaded length, against float64.</summary>
public class BinaryOpTests
{
    private sealed record Case(Func<Tensor, Tensor, Tensor> Op, Func<double, double, double> Reference, double Lo = -5, double Hi = 5, double BLo = -5, double BHi = 5, bool Integers = false);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["add"] = new((a, b) => a + b, (a, b) => a + b),
        ["sub"] = new((a, b) => a - b, (a, b) => a - b),
        ["mul"] = new((a, b) => a * b, (a, b) => a * b),
        ["div"] = new((a, b) => a / b, (a, b) => a / b, BLo: 0.2, BHi: 5),
        ["maximum"] = new(Tensor.Maximum, Math.Max),
        ["minimum"] = new((a, b) => a.Minimum(b), Math.Min),
        ["pow"] = new(Tensor.Pow, Math.Pow, Lo: 0.1, Hi: 3, BLo: -2, BHi: 2),
        ["gt"] = new((a, b) => a > b, (a, b) => a > b ? 1 : 0, Integers: true),
        ["ge"] = new((a, b) => a >= b, (a, b) => a >= b ? 1 : 0, Integers: true),
        ["lt"] = new((a, b) => a < b, (a, b) => a < b ? 1 : 0, Integers: true),
        ["le"] = new((a, b) => a <= b, (a, b) => a <= b ? 1 : 0, Integers: true),
        ["equal"] = new(Tensor.Equal, (a, b) => a == b ? 1 : 0, Integers: true),
        ["not_equal"] = new(Tensor.NotEqual, (a, b) => a != b ? 1 : 0, Integers: true),
        ["where"] = new((a, b) => Tensor.Where(a > b, a, b * 2f), (a, b) => a > b ? a : b * 2),
    };

    public static TheoryData<string> Names => [.. Cases.Keys];

    [Theory, MemberData(nameof(Names))]
    public void MatchesFloat64ReferenceAtEveryLength(string name)
    {
        var c = Cases[name];
        foreach (int n in Lengths)
        {
            var a = Uniform(n, c.Lo, c.Hi, seed: n);
            var b = Uniform(n, c.BLo, c.BHi, seed: n + 1000);
            if (c.Integers) { a = [.. a.Select(v => MathF.Round(v))]; b = [.. b.Select(v => MathF.Round(v))]; }
            var got = c.Op(Tensor.From(a), Tensor.From(b));
            var expected = a.Zip(b, (x, y) => c.Reference(x, y)).ToArray();
            AssertClose(got.ToArray(), expected, 1e-5, $"{name} n={n}");
        }
    }

    [Fact]
    public void WhereTakesFloatsAndBroadcastsTheCondition()
    {
        var pred = Tensor.From([0.2f, 0.7f, 0.5f, 0.49f]);
        Assert.Equal(new[] { 0f, 1f, 1f, 0f }, Tensor.Where(pred >= 0.5f, 1f, 0f).ToArray());

        var cond = Tensor.From([1f, 0f], [2, 1]);
        var x = Tensor.From([1f, 2f, 3f]);
        var r = Tensor.Where(cond, x, -1f);
        Assert.Equal(new Shape(2, 3), r.Shape);
        Assert.Equal(new[] { 1f, 2f, 3f, -1f, -1f, -1f }, r.ToArray());
        Assert.Equal(new[] { 7f, 7f, 1f }, Tensor.Where(Tensor.From([0f, 0f, float.NaN]), 1f, Tensor.From([7f])).ToArray());
    }
}
