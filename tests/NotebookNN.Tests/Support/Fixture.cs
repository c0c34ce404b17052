using System.Runtime.CompilerServices;
using System.Text.Json;

namespace NotebookNN.Tests.Support;

/// <summary>Reads the JSON fixtures in tests/NotebookNN.Tests/Fixtures (each checked in with the script that made it).</summary>
public static class Fixture
{
    public static JsonElement Load(string file, [CallerFilePath] string here = "") =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(here)!, "..", "Fixtures", file))).RootElement;

    /// <summary>The "name" of each case, for a [MemberData] theory.</summary>
    public static TheoryData<string> Names(JsonElement cases)
    {
        var data = new TheoryData<string>();
        foreach (var c in cases.EnumerateArray()) data.Add(c.GetProperty("name").GetString()!);
        return data;
    }

    /// <summary>The case with that "name".</summary>
    public static JsonElement Case(JsonElement cases, string name) =>
        cases.EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    public static float[] Floats(JsonElement e) => e.EnumerateArray().Select(x => (float)x.GetDouble()).ToArray();

    public static double[] Doubles(JsonElement e) => e.EnumerateArray().Select(x => x.GetDouble()).ToArray();

    public static int[] Ints(JsonElement e) => e.EnumerateArray().Select(x => x.GetInt32()).ToArray();

    public static Tensor Tensor(JsonElement values, params int[] shape) => NotebookNN.Tensors.Tensor.From(Floats(values), new Shape(shape));

    /// <summary>Asserts every element is within <paramref name="tol"/> of the reference, naming the first that is not.</summary>
    public static void Close(double[] want, float[] got, double tol, string what)
    {
        Assert.Equal(want.Length, got.Length);
        for (int i = 0; i < want.Length; i++)
            Assert.True(Math.Abs(want[i] - got[i]) <= tol, $"{what}[{i}]: expected {want[i]}, got {got[i]}");
    }
}
