using System.Text.RegularExpressions;
using Microsoft.DotNet.Interactive.Formatting;
using NotebookNN.Plotting;

namespace NotebookNN.Tests.Formatting;

/// <summary>The data-science reports format through the Formatting package as tables, and as their own text.</summary>
public class ReportFormatterTests
{
    private static readonly Tensor YTrue = Tensor.From([0f, 0, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2]);
    private static readonly Tensor YPred = Tensor.From([0f, 1, 1, 1, 0, 2, 2, 2, 2, 2, 2, 1]);

    private static List<List<string>> Rows(string html) =>
        [.. Regex.Matches(html, "<tr[^>]*>(.*?)</tr>", RegexOptions.Singleline)
            .Select(r => Regex.Matches(r.Groups[1].Value, "<t[dh][^>]*>(.*?)</t[dh]>", RegexOptions.Singleline).Select(c => c.Groups[1].Value.Trim()).ToList())];

    [Fact]
    public void ClassificationReport_is_a_table_in_html_and_sklearn_text_in_plain()
    {
        var report = NotebookNN.Sklearn.ClassificationReport(YTrue, YPred);
        Assert.Equal(report.ToString(), report.ToDisplayString("text/plain"));
        var rows = Rows(report.ToDisplayString("text/html"));
        Assert.Equal(["", "precision", "recall", "f1-score", "support"], rows[0]);
        // class 2: 7 true, 6 predicted correctly, 6 predicted in all -> precision 1, recall 6/7; counted here by hand
        var class2 = rows.Single(r => r[0] == "2");
        Assert.Equal("1.00", class2[1]);
        Assert.Equal((6.0 / 7).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), class2[2]);
        Assert.Equal("7", class2[4]);
        // rows in scikit-learn's order; accuracy (9 of 12 right, counted by hand) under f1-score, with the total support
        Assert.Equal(["0", "1", "2", "accuracy", "macro avg", "weighted avg"], rows.Skip(1).Select(r => r[0]));
        Assert.Equal(["accuracy", "", "", "0.75", "12"], rows[4]);
    }

    [Fact]
    public void ConfusionMatrix_heatmap_has_the_counts_and_numpy_text()
    {
        var cm = Plot.ConfusionMatrix(YTrue, YPred, ["zero", "one", "two"]);
        // counted by hand from the labels above: rows true, columns predicted
        int[,] expected = { { 1, 1, 0 }, { 1, 2, 0 }, { 0, 1, 6 } };
        var rows = Rows(cm.ToDisplayString("text/html"));
        Assert.Equal(["zero", "one", "two"], rows[0].Skip(1));
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                Assert.Equal(expected[i, j].ToString(), rows[i + 1][j + 1]);
        Assert.Equal("[[1 1 0]\n [1 2 0]\n [0 1 6]]", cm.ToDisplayString("text/plain"));
        Assert.Throws<ArgumentException>(() => Plot.ConfusionMatrix(YTrue, YPred, ["a", "b"]));
    }

    [Fact]
    public void ConfusionMatrix_text_pads_entries_like_numpy()
    {
        var t = Tensor.From(Enumerable.Repeat(0f, 12).Append(1f).ToArray());
        var p = Tensor.From(Enumerable.Repeat(0f, 12).Append(0f).ToArray());
        Assert.Equal("[[12  0]\n [ 1  0]]", Plot.ConfusionMatrix(t, p).ToString());
    }
}

/// <summary>A tuner's results format as a table with one row per trial, scores as the text table has them.</summary>
public class TunerResultsFormatterTests
{
    [Fact]
    public void Results_table_has_a_row_per_trial_with_its_score()
    {
        var train = NotebookNN.Tests.Tuning.ToyProblem.Data(32, 0);
        var valid = NotebookNN.Tests.Tuning.ToyProblem.Data(16, 1000);
        var tuner = new RandomSearch(NotebookNN.Tests.Tuning.ToyProblem.Build, objective: "val_loss", maxTrials: 3, seed: 1);
        tuner.Search(train.X, train.Y, epochs: 2, batchSize: 16, validationData: valid, verbose: 0);
        var html = tuner.Results.ToDisplayString("text/html");
        var rows = Regex.Matches(html, "<tr>(.*?)</tr>", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(tuner.Results.Count + 1, rows.Count);
        for (int i = 0; i < tuner.Results.Count; i++)
            Assert.Contains(tuner.Results[i].Score.ToString("G6", System.Globalization.CultureInfo.InvariantCulture), rows[i + 1]);
        Assert.Equal(tuner.Results.ToString(), tuner.Results.ToDisplayString("text/plain"));
    }
}

/// <summary>A tensor's Shape and DType shown as a cell's value read as numpy prints them.</summary>
public class ShapeFormatterTests
{
    [Fact]
    public void Shape_and_dtype_format_like_numpy()
    {
        var t = Tensor.Zeros([455, 13]);
        Assert.Equal("(455, 13)", t.Shape.ToDisplayString("text/plain"));
        Assert.Equal("<code>(455, 13)</code>", t.Shape.ToDisplayString("text/html"));
        Assert.Equal("(5,)", Tensor.Zeros([5]).Shape.ToDisplayString("text/plain"));
        Assert.Equal("float32", t.DType.ToDisplayString("text/plain"));
        Assert.Equal("<code>float32</code>", t.DType.ToDisplayString("text/html"));
    }

    [Fact]
    public void A_layer_has_get_weights_in_keras_order()
    {
        var dense = new NotebookNN.Layers.Dense(3, inputShape: [2]);
        dense.EnsureBuilt(new Shape(2));
        var w = dense.GetWeights();
        Assert.Equal(new Shape(2, 3), w[0].Shape);
        Assert.Equal(new Shape(3), w[1].Shape);
        dense.SetWeights([Tensor.Ones([2, 3]), Tensor.Full([3], 2f)]);
        Assert.All(dense.Kernel!.ToArray(), v => Assert.Equal(1f, v));
        Assert.Throws<ArgumentException>(() => dense.SetWeights([Tensor.Ones([3, 2]), Tensor.Ones([3])]));
    }
}
