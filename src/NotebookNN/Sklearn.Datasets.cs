using System.Globalization;
using NotebookNN.Datasets.Formats;
using NotebookNN.Learn;
using NotebookNN.Tensors;

namespace NotebookNN;

public static partial class Sklearn
{
    private static readonly string[] CancerStats =
        ["radius", "texture", "perimeter", "area", "smoothness", "compactness", "concavity", "concave points", "symmetry", "fractal dimension"];

    /// <summary>Iris (<c>load_iris</c>): 150 × 4 measurements in cm, 3 species.</summary>
    public static SklearnDataset LoadIris() =>
        LabeledCsv("iris.csv", ["sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"]);

    /// <summary>Breast cancer Wisconsin (<c>load_breast_cancer</c>): 569 × 30, 0 malignant / 1 benign.</summary>
    public static SklearnDataset LoadBreastCancer() =>
        LabeledCsv("breast_cancer.csv", [.. CancerStats.Select(s => "mean " + s), .. CancerStats.Select(s => s + " error"), .. CancerStats.Select(s => "worst " + s)]);

    /// <summary>Wine (<c>load_wine</c>): 178 × 13 chemical measurements, 3 cultivars.</summary>
    public static SklearnDataset LoadWine() => LabeledCsv("wine_data.csv",
        ["alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium", "total_phenols", "flavanoids", "nonflavanoid_phenols",
         "proanthocyanins", "color_intensity", "hue", "od280/od315_of_diluted_wines", "proline"]);

    /// <summary>Digits (<c>load_digits</c>): 1797 images of 8 × 8 pixels (0..16) flattened to 64 features, labels 0..9.</summary>
    public static SklearnDataset LoadDigits()
    {
        using var s = SklearnDataFiles.Open("digits.csv.gz");
        var rows = CsvTable.ParseRows(CsvTable.ReadLines(s, gzip: true, "digits.csv.gz"), 0, 65, "digits.csv.gz");
        var names = Enumerable.Range(0, 64).Select(i => $"pixel_{i / 8}_{i % 8}").ToArray();
        return Table(rows, 64, names, Enumerable.Range(0, 10).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray());
    }

    /// <summary>
    /// The Boston house-prices table (the 506 × 13 table the tutorials use, target MEDV in $1000s), as scikit-learn
    /// shipped it before removing <c>load_boston</c>.
    /// </summary>
    public static SklearnDataset LoadBoston()
    {
        using var s = SklearnDataFiles.Open("boston_house_prices.csv");
        var lines = CsvTable.ReadLines(s, gzip: false, "boston_house_prices.csv");
        var names = lines[1].Split(',').Select(n => n.Trim('"')).ToArray();
        var rows = CsvTable.ParseRows(lines, 2, names.Length, "boston_house_prices.csv");
        CheckCount(rows, lines[0], "boston_house_prices.csv");
        return Table(rows, names.Length - 1, names[..^1], null);
    }

    /// <summary>Diabetes (<c>load_diabetes(scaled=False)</c>): 442 × 10 raw features and the disease-progression target.</summary>
    public static SklearnDataset LoadDiabetes()
    {
        using var xs = SklearnDataFiles.Open("diabetes_data_raw.csv.gz");
        using var ys = SklearnDataFiles.Open("diabetes_target.csv.gz");
        var x = CsvTable.ParseRows(CsvTable.ReadLines(xs, true, "diabetes_data_raw.csv.gz"), 0, 10, "diabetes_data_raw.csv.gz", separator: null);
        var y = CsvTable.ParseRows(CsvTable.ReadLines(ys, true, "diabetes_target.csv.gz"), 0, 1, "diabetes_target.csv.gz", separator: null);
        if (x.Length != y.Length) throw new InvalidDataException($"diabetes: {x.Length} feature rows but {y.Length} targets.");
        return Table(x.Select((r, i) => r.Append(y[i][0]).ToArray()).ToArray(), 10, ["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"], null);
    }

    private static SklearnDataset LabeledCsv(string file, string[] featureNames)
    {
        using var s = SklearnDataFiles.Open(file);
        var lines = CsvTable.ReadLines(s, gzip: false, file);
        var header = lines[0].Split(',');
        var rows = CsvTable.ParseRows(lines, 1, featureNames.Length + 1, file);
        CheckCount(rows, lines[0], file);
        return Table(rows, featureNames.Length, featureNames, header[2..]);
    }

    private static void CheckCount(double[][] rows, string header, string file)
    {
        var parts = header.Split(',');
        if (!int.TryParse(parts[0], CultureInfo.InvariantCulture, out int n) || n != rows.Length)
            throw new InvalidDataException($"'{file}' announces {parts[0]} rows in its header but holds {rows.Length} (truncated or corrupted?).");
    }

    private static SklearnDataset Table(double[][] rows, int features, string[] names, string[]? targetNames)
    {
        var x = new float[rows.Length * features];
        var y = new float[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            for (int j = 0; j < features; j++) x[i * features + j] = (float)rows[i][j];
            y[i] = (float)rows[i][features];
        }
        return new SklearnDataset(Tensor.Adopt(x, rows.Length, features), Tensor.Adopt(y, rows.Length), names, targetNames);
    }
}
