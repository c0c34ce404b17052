using NotebookNN.Datasets.Formats;
using NotebookNN.Tests.Support;

namespace NotebookNN.Tests.Datasets;

/// <summary>The CSV reader on scikit-learn's real files and on damaged copies.</summary>
public class CsvTableTests
{
    [SkippableFact]
    public void RealGzipAndPlainCsvParse()
    {
        var digits = CsvTable.ParseRows(CsvTable.ReadLines(SharedData.Require("sklearn/digits.csv.gz")), 0, 65, "digits");
        Assert.Equal(1797, digits.Length);
        var lines = CsvTable.ReadLines(SharedData.Require("sklearn/iris.csv"));
        var iris = CsvTable.ParseRows(lines, 1, 5, "iris");
        var (x, _) = SharedData.SklearnCsv("iris.csv");
        Assert.Equal(x.ToArray(), iris.SelectMany(r => r[..4]).Select(v => (float)v));
        var diabetes = CsvTable.ParseRows(CsvTable.ReadLines(SharedData.Require("sklearn/diabetes_data_raw.csv.gz")), 0, 10, "d", separator: null);
        Assert.Equal(442, diabetes.Length);
    }

    [SkippableFact]
    public void TruncatedGzipAndBadCellsAreReported()
    {
        using var tmp = new TempFolder();
        var bytes = File.ReadAllBytes(SharedData.Require("sklearn/digits.csv.gz"));
        var cut = tmp.File("digits.csv.gz");
        File.WriteAllBytes(cut, bytes[..(bytes.Length / 2)]);
        Assert.Contains(cut, Assert.ThrowsAny<Exception>(() => CsvTable.ReadLines(cut)).Message);
        var e = Assert.Throws<InvalidDataException>(() => CsvTable.ParseRows(["1,2,3", "4,x,6"], 0, 3, "t.csv"));
        Assert.Contains("line 2, column 2: 'x'", e.Message);
        Assert.Contains("expected 3 values, found 2", Assert.Throws<InvalidDataException>(() => CsvTable.ParseRows(["1,2,3", "4,5"], 0, null, "t.csv")).Message);
    }
}
