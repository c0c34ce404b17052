using System.Text.Json;
using NotebookNN;

namespace NotebookNN.Tests.Tensors;

/// <summary>Tensor.ToString() against numpy 1.24's repr (Fixtures/format_cases.json, made by make_format_cases.py).</summary>
public class FormatTests
{
    private static readonly Lazy<Dictionary<string, Case>> Cases = new(Load);

    public sealed record Case(int[] Shape, uint[] Bits, string Repr);

    public static TheoryData<string> Names() => [.. Cases.Value.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void MatchesNumpyRepr(string name)
    {
        var c = Cases.Value[name];
        Assert.Equal(c.Repr, Build(c).ToString());
    }

    [Fact]
    public void ViewsPrintTheirOwnElements()
    {
        // numpy: repr((np.arange(12, dtype=np.float32) / 3).reshape(3, 4).T) and [1:, 2]
        var t = Build(Cases.Value["thirds_2d"]);
        Assert.Equal(
            "array([[0.        , 1.3333334 , 2.6666667 ],\n" +
            "       [0.33333334, 1.6666666 , 3.        ],\n" +
            "       [0.6666667 , 2.        , 3.3333333 ],\n" +
            "       [1.        , 2.3333333 , 3.6666667 ]], dtype=float32)", t.T.ToString());
        Assert.Equal("array([2.       , 3.3333333], dtype=float32)", t[1.., 2].ToString());
    }

    [Fact]
    public void ShapePrintsLikeNumpy()
    {
        Assert.Equal("(455, 13)", Tensor.Zeros([455, 13]).Shape.ToString());
        Assert.Equal("(5,)", Tensor.Zeros([5]).Shape.ToString());
        Assert.Equal("()", Tensor.Scalar(1).Shape.ToString());
    }

    private static Tensor Build(Case c)
    {
        var values = c.Bits.Select(b => BitConverter.UInt32BitsToSingle(b)).ToArray();
        return Tensor.From(values, c.Shape);
    }

    private static Dictionary<string, Case> Load()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Fixtures", "format_cases.json")))
            dir = dir.Parent;
        Assert.NotNull(dir);
        var json = File.ReadAllText(Path.Combine(dir!.FullName, "Fixtures", "format_cases.json"));
        return JsonSerializer.Deserialize<Dictionary<string, Case>>(json, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
    }
}
