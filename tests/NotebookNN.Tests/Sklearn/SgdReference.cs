using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using NotebookNN.Tests.Support;

namespace NotebookNN.Tests.Sklearn;

/// <summary>
/// Reference/sgd_reference.json (written by Reference/make_sgd_reference.py with Debian's scikit-learn 1.2.1) and the
/// float32 inputs it was computed on, built here the way the script builds them.
/// </summary>
internal static class SgdReference
{
    private static readonly Lazy<JsonElement> Root = new(() => JsonDocument.Parse(System.IO.File.ReadAllText(ReferenceFile())).RootElement);

    private static string ReferenceFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "NotebookNN.Tests", "Sklearn", "Reference", "sgd_reference.json");
            if (System.IO.File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("tests/NotebookNN.Tests/Sklearn/Reference/sgd_reference.json not found above the test binaries.");
    }

    public static JsonElement Get(string name) => Root.Value.GetProperty(name);

    public static double[] Doubles(JsonElement e) => e.EnumerateArray().Select(v => v.GetDouble()).ToArray();

    public static (Tensor X, Tensor Y) Data(string name) => name switch
    {
        "iris" => Csv("iris.csv"),
        "breast_cancer" => ByColumnMax(Csv("breast_cancer.csv")),
        "digits" => Digits(),
        "mnist2000" => Mnist(2000),
        _ => throw new ArgumentException(name),
    };

    /// <summary>A scikit-learn CSV parsed as numpy does (float64, then float32).</summary>
    private static (Tensor X, Tensor Y) Csv(string file)
    {
        var lines = System.IO.File.ReadAllLines(SharedData.Require(Path.Combine("sklearn", file)));
        return Rows(lines.Skip(1).Where(l => l.Length > 0).ToArray());
    }

    private static (Tensor X, Tensor Y) Rows(string[] lines)
    {
        var rows = lines.Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        int n = rows.Length, cols = rows[0].Length - 1;
        var x = new float[n * cols];
        for (int i = 0; i < n; i++) for (int j = 0; j < cols; j++) x[i * cols + j] = (float)rows[i][j];
        return (Tensor.From(x, [n, cols]), Tensor.From(rows.Select(r => (float)r[cols]).ToArray()));
    }

    private static (Tensor X, Tensor Y) ByColumnMax((Tensor X, Tensor Y) d)
    {
        int n = d.X.Shape[0], cols = d.X.Shape[1];
        var x = d.X.ToArray();
        for (int j = 0; j < cols; j++)
        {
            float max = float.MinValue;
            for (int i = 0; i < n; i++) max = Math.Max(max, x[i * cols + j]);
            for (int i = 0; i < n; i++) x[i * cols + j] /= max;
        }
        return (Tensor.From(x, [n, cols]), d.Y);
    }

    private static (Tensor X, Tensor Y) Digits()
    {
        using var gz = new GZipStream(System.IO.File.OpenRead(SharedData.Require("sklearn/digits.csv.gz")), CompressionMode.Decompress);
        var (x, y) = Rows(new StreamReader(gz).ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        return (Tensor.From(x.ToArray().Select(v => v / 16f).ToArray(), [x.Shape[0], x.Shape[1]]), y);
    }

    private static (Tensor X, Tensor Y) Mnist(int n)
    {
        var (images, labels) = SharedData.MnistTest();
        return (Tensor.From(images[..n].ToArray().Select(v => v / 255f).ToArray(), [n, 784]), labels[..n]);
    }

    /// <summary>An <see cref="SGDClassifier"/> with the case's parameters, through <c>WithParams</c> (scikit-learn's names).</summary>
    public static SGDClassifier Classifier(JsonElement parameters) =>
        (SGDClassifier)new SGDClassifier().WithParams(parameters.EnumerateObject().ToDictionary(p => p.Name, p => Value(p.Value)));

    public static object? Value(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => v.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => v.TryGetInt32(out int i) && !v.GetRawText().Contains('.') && !v.GetRawText().Contains('e') ? i : v.GetDouble(),
        _ => throw new ArgumentException(v.ToString()),
    };
}
