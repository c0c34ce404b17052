using NotebookNN.Tests.Support;

namespace NotebookNN.Tests.Sklearn;

/// <summary>The bundled toy datasets against the CSVs in ../shared/datasets, and the scalers against float64 references.</summary>
public class SklearnDataAndScalerTests
{
    [SkippableFact]
    public void LoadersEqualTheSharedCsvFiles()
    {
        foreach (var (file, load, shape) in new (string, Func<SklearnDataset>, string)[]
                 {
                     ("iris.csv", NotebookNN.Sklearn.LoadIris, "(150, 4)"), ("breast_cancer.csv", NotebookNN.Sklearn.LoadBreastCancer, "(569, 30)"),
                     ("wine_data.csv", NotebookNN.Sklearn.LoadWine, "(178, 13)"),
                 })
        {
            var (x, y) = SharedData.SklearnCsv(file);
            var data = WithSharedFolder(load);
            Assert.Equal(shape, data.Data.Shape.ToString());
            Assert.Equal(x.ToArray(), data.Data.ToArray());
            Assert.Equal(y.ToArray(), data.Target.ToArray());
            Assert.Equal(data.Data.Shape[1], data.FeatureNames.Count);
        }
        var (bx, by) = SharedData.Boston();
        var boston = WithSharedFolder(NotebookNN.Sklearn.LoadBoston);
        Assert.Equal(bx.ToArray(), boston.Data.ToArray());
        Assert.Equal(by.ToArray(), boston.Target.ToArray());
        Assert.Equal("LSTAT", boston.FeatureNames[12]);
        var (digits, labels) = WithSharedFolder(NotebookNN.Sklearn.LoadDigits);
        Assert.Equal("(1797, 64)", digits.Shape.ToString());
        Assert.Equal(16f, digits.ToArray().Max());
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (float)i), labels.ToArray().Distinct().Order());
        Assert.Equal(["setosa", "versicolor", "virginica"], WithSharedFolder(NotebookNN.Sklearn.LoadIris).TargetNames!);
        Assert.Equal("(442, 10)", WithSharedFolder(NotebookNN.Sklearn.LoadDiabetes).Data.Shape.ToString());
    }

    [Fact]
    public void MissingBundledFileSaysWhereToPutIt()
    {
        using var empty = new NotebookNN.Tests.Datasets.TempFolder();
        var e = Assert.Throws<FileNotFoundException>(() => SklearnDataFiles.Open("iris.csv", empty.Path, "No.Such.Prefix."));
        Assert.Contains("NOTEBOOKNN_DATASETS", e.Message);
        Assert.Contains(empty.Path, e.Message);
        File.WriteAllText(empty.File("iris.csv"), "2,4,a,b\n1,2,3,4,0\n");
        using var s = SklearnDataFiles.Open("iris.csv", empty.Path, "No.Such.Prefix.");
        Assert.Equal("2,4,a,b", new StreamReader(s).ReadLine());
    }

    [Fact]
    public void StandardScalerMatchesFloat64Reference()
    {
        var rng = new Random(3);
        var v = Enumerable.Range(0, 60).Select(i => (float)(rng.NextDouble() * 100 - 20)).ToArray();
        for (int i = 0; i < 20; i++) v[i * 3 + 2] = 7f;                       // a constant column keeps scale 1
        var x = Tensor.From(v, [20, 3]);
        var scaler = new StandardScaler();
        var z = scaler.FitTransform(x).ToArray();
        for (int j = 0; j < 3; j++)
        {
            var col = Enumerable.Range(0, 20).Select(i => (double)v[i * 3 + j]).ToArray();
            double mean = col.Average(), std = Math.Sqrt(col.Select(c => (c - mean) * (c - mean)).Average());
            Assert.Equal(mean, scaler.Mean![j], 5e-10);
            Assert.Equal(j == 2 ? 1 : std, scaler.Scale![j], 5e-10);
            for (int i = 0; i < 20; i++) Assert.Equal((col[i] - mean) / (j == 2 ? 1 : std), z[i * 3 + j], 5e-6);
        }
        Assert.Equal(v, scaler.InverseTransform(scaler.Transform(x)).ToArray().Select(a => MathF.Round(a, 3)).ToArray().Zip(v, (a, b) => MathF.Abs(a - b) < 1e-3f ? b : a));
        Assert.Contains("not fitted", Assert.Throws<InvalidOperationException>(() => new StandardScaler().Transform(x)).Message);
        Assert.Contains("expecting 3 features", Assert.Throws<ArgumentException>(() => scaler.Transform(Tensor.Zeros([2, 4]))).Message);
    }

    [Fact]
    public void MinMaxScalerMapsColumnsOntoTheRange()
    {
        var x = Tensor.From(new float[,] { { 1, -5, 3 }, { 3, 5, 3 }, { 2, 0, 3 } });
        var scaler = new MinMaxScaler(featureRange: (-1, 1));
        Assert.Equal([-1f, -1, -1, 1, 1, -1, 0, 0, -1], scaler.FitTransform(x).ToArray());
        Assert.Equal(x.ToArray(), scaler.InverseTransform(scaler.Transform(x)).ToArray());
        Assert.Throws<ArgumentException>(() => new MinMaxScaler((1, 1)));
    }

    private static T WithSharedFolder<T>(Func<T> load)
    {
        // The loaders read the embedded copies when this build embedded them, else NOTEBOOKNN_DATASETS; point that at the shared folder.
        var iris = SharedData.Require("sklearn/iris.csv");
        if (!typeof(SklearnDataFiles).Assembly.GetManifestResourceNames().Any(n => n.StartsWith(SklearnDataFiles.ResourcePrefix)))
            Environment.SetEnvironmentVariable("NOTEBOOKNN_DATASETS", Path.GetDirectoryName(Path.GetDirectoryName(iris)));
        return load();
    }
}

/// <summary>FetchCaliforniaHousing's reading of StatLib's archive, on a small archive in the same layout.</summary>
public class CaliforniaHousingTests
{
    [Fact]
    public void ArchiveRowsBecomeScikitLearnsFeatures()
    {
        using var tmp = new NotebookNN.Tests.Datasets.TempFolder();
        var path = tmp.File("cal_housing.tgz");
        using (var gz = new System.IO.Compression.GZipStream(File.Create(path), System.IO.Compression.CompressionLevel.Fastest))
        using (var tar = new System.Formats.Tar.TarWriter(gz))
        {
            var data = "-122.23,37.88,41,880,129,322,126,8.3252,452600\n-118.0,34.0,10,1000,200,500,250,2.5,150000\n"u8.ToArray();
            tar.WriteEntry(new System.Formats.Tar.PaxTarEntry(System.Formats.Tar.TarEntryType.RegularFile, "CaliforniaHousing/cal_housing.data") { DataStream = new MemoryStream(data) });
        }
        var (x, y) = NotebookNN.Sklearn.CaliforniaHousingFrom(path);
        Assert.Equal(new Shape(2, 8), x.Shape);
        float[] first = [8.3252f, 41, (float)(880 / 126.0), (float)(129 / 126.0), 322, (float)(322 / 126.0), 37.88f, -122.23f];
        Assert.Equal(first, x[0].ToArray());
        Assert.Equal([4.526f, 1.5f], y.ToArray());
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..40]);
        Assert.Contains(path, Assert.Throws<InvalidDataException>(() => NotebookNN.Sklearn.CaliforniaHousingFrom(path)).Message);
    }
}
