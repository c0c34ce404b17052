using System.Text.Json;
using NotebookNN.Tests.Datasets;

namespace NotebookNN.Tests.Sklearn;

/// <summary>Metrics, reports and splits against scikit-learn 1.2.1 (Fixtures/datasets/sklearn_cases.json, make_sklearn_fixture.py).</summary>
public class SklearnFixtureTests
{
    private static readonly Lazy<JsonElement> Cases = new(() => JsonDocument.Parse(File.ReadAllText(DataFixtures.Path("sklearn_cases.json"))).RootElement);
    private static JsonElement Get(string name) => Cases.Value.GetProperty(name);
    private static Tensor Vec(JsonElement e) => Tensor.From(e.EnumerateArray().Select(v => (float)v.GetDouble()).ToArray());
    private static double[] Doubles(JsonElement e) => e.EnumerateArray().Select(v => v.GetDouble()).ToArray();

    public static TheoryData<int> ReportCases() => new(Enumerable.Range(0, 8));

    [Theory]
    [MemberData(nameof(ReportCases))]
    public void ClassificationReportTextEqualsScikitLearn(int index)
    {
        var c = Get("reports")[index];
        var names = c.GetProperty("target_names").ValueKind == JsonValueKind.Null ? null : c.GetProperty("target_names").EnumerateArray().Select(v => v.GetString()!).ToArray();
        var report = NotebookNN.Sklearn.ClassificationReport(Vec(c.GetProperty("y_true")), Vec(c.GetProperty("y_pred")), targetNames: names, digits: c.GetProperty("digits").GetInt32());
        Assert.Equal(c.GetProperty("text").GetString(), report.ToString());
    }

    [Theory]
    [MemberData(nameof(ReportCases))]
    public void ConfusionMatrixAndAccuracyEqualScikitLearn(int index)
    {
        var c = Get("reports")[index];
        var (t, p) = (Vec(c.GetProperty("y_true")), Vec(c.GetProperty("y_pred")));
        var m = NotebookNN.Sklearn.ConfusionMatrix(t, p);
        var expected = c.GetProperty("confusion").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetInt32()).ToArray()).ToArray();
        Assert.Equal(expected.Length, m.GetLength(0));
        for (int i = 0; i < expected.Length; i++)
            for (int j = 0; j < expected.Length; j++) Assert.Equal(expected[i][j], m[i, j]);
        Assert.Equal(c.GetProperty("accuracy").GetDouble(), NotebookNN.Sklearn.AccuracyScore(t, p), 15);
    }

    [Fact]
    public void RegressionMetricsEqualScikitLearn()
    {
        foreach (var c in Get("regression").EnumerateArray())
        {
            var tj = c.GetProperty("y_true");
            bool twoD = tj[0].ValueKind == JsonValueKind.Array;
            Tensor T(JsonElement e) => twoD
                ? Tensor.From(e.EnumerateArray().SelectMany(r => r.EnumerateArray().Select(v => (float)v.GetDouble())).ToArray(), [e.GetArrayLength(), e[0].GetArrayLength()])
                : Vec(e);
            // Inputs pass through float32 tensors, so compare to 1e-6 relative rather than bit for bit.
            var (t, p) = (T(tj), T(c.GetProperty("y_pred")));
            Assert.Equal(c.GetProperty("mse").GetDouble(), NotebookNN.Sklearn.MeanSquaredError(t, p), 5e-7);
            Assert.Equal(c.GetProperty("rmse").GetDouble(), NotebookNN.Sklearn.MeanSquaredError(t, p, squared: false), 5e-7);
            Assert.Equal(c.GetProperty("mae").GetDouble(), NotebookNN.Sklearn.MeanAbsoluteError(t, p), 5e-7);
            Assert.Equal(c.GetProperty("r2").GetDouble(), NotebookNN.Sklearn.R2Score(t, p), 5e-7);
        }
    }

    [Fact]
    public void TrainTestSplitRowsEqualScikitLearn()
    {
        foreach (var c in Get("splits").EnumerateArray())
        {
            var strat = c.GetProperty("stratify").ValueKind == JsonValueKind.Null ? null : Doubles(c.GetProperty("stratify"));
            double? testSize = c.GetProperty("test_size").ValueKind == JsonValueKind.Null ? null : c.GetProperty("test_size").GetDouble();
            int? seed = c.GetProperty("random_state").ValueKind == JsonValueKind.Null ? null : c.GetProperty("random_state").GetInt32();
            var (train, test) = NotebookNN.Sklearn.TrainTestIndices(c.GetProperty("n").GetInt32(), testSize, null, seed, c.GetProperty("shuffle").GetBoolean(), strat);
            Assert.Equal(c.GetProperty("train").Ints(), train);
            Assert.Equal(c.GetProperty("test").Ints(), test);
        }
    }

    [Fact]
    public void TrainTestSplitMovesTensorRowsTogether()
    {
        var c = Get("splits")[0];
        var x = Tensor.From(Enumerable.Range(0, 300).Select(i => (float)i).ToArray(), [150, 2]);
        var y = Tensor.From(Enumerable.Range(0, 150).Select(i => (float)(i * 10)).ToArray());
        var (xTrain, xTest, yTrain, yTest) = NotebookNN.Sklearn.TrainTestSplit(x, y, testSize: 0.2, randomState: 42);
        Assert.Equal(new Shape(120, 2), xTrain.Shape);
        Assert.Equal(new Shape(30, 2), xTest.Shape);
        Assert.Equal(c.GetProperty("test").Ints().Select(i => (float)(2 * i)), xTest[.., 0].ToArray());
        Assert.Equal(c.GetProperty("train").Ints().Select(i => (float)(10 * i)), yTrain.ToArray());
        Assert.Equal(30, yTest.Size);
        var (xOnlyTrain, xOnlyTest) = NotebookNN.Sklearn.TrainTestSplit(x, testSize: 0.2, randomState: 42);
        Assert.Equal(xTest.ToArray(), xOnlyTest.ToArray());
        int[][] seqs = Enumerable.Range(0, 150).Select(i => new[] { i }).ToArray();
        var (sTrain, sTest, _, _) = NotebookNN.Sklearn.TrainTestSplit(seqs, y, testSize: 0.2, randomState: 42);
        Assert.Equal(c.GetProperty("test").Ints(), sTest.Select(s => s[0]));
        Assert.Equal(120, sTrain.Length + xOnlyTrain.Shape[0] - 120);
    }

    [Fact]
    public void KFoldAndStratifiedKFoldEqualScikitLearn()
    {
        foreach (var c in Get("kfold").EnumerateArray())
        {
            int? seed = c.GetProperty("random_state").ValueKind == JsonValueKind.Null ? null : c.GetProperty("random_state").GetInt32();
            var folds = new KFold(c.GetProperty("k").GetInt32(), c.GetProperty("shuffle").GetBoolean(), seed).Split(c.GetProperty("n").GetInt32()).ToList();
            AssertFolds(c.GetProperty("folds"), folds);
        }
        foreach (var c in Get("stratified_kfold").EnumerateArray())
        {
            int? seed = c.GetProperty("random_state").ValueKind == JsonValueKind.Null ? null : c.GetProperty("random_state").GetInt32();
            var folds = new StratifiedKFold(c.GetProperty("k").GetInt32(), c.GetProperty("shuffle").GetBoolean(), seed).Split(Doubles(c.GetProperty("y"))).ToList();
            AssertFolds(c.GetProperty("folds"), folds);
        }
    }

    private static void AssertFolds(JsonElement expected, List<(int[] Train, int[] Test)> actual)
    {
        Assert.Equal(expected.GetArrayLength(), actual.Count);
        for (int f = 0; f < actual.Count; f++)
        {
            Assert.Equal(expected[f][0].Ints(), actual[f].Train);
            Assert.Equal(expected[f][1].Ints(), actual[f].Test);
        }
    }
}
