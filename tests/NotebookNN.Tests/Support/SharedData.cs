using System.Globalization;
using System.IO.Compression;
using NotebookNN;

namespace NotebookNN.Tests.Support;

/// <summary>
/// The real datasets in ../shared/datasets beside the repository (or $NOTEBOOKNN_SHARED_DATASETS). Tests that need
/// them skip with a message when the folder is absent, as in a user's clone.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string?> Root = new(FindRoot);

    /// <summary>The full path of a file under the datasets folder; skips the test when it is not there.</summary>
    public static string Require(string relative)
    {
        var root = Root.Value;
        Skip.If(root is null, "../shared/datasets is not beside this checkout (set NOTEBOOKNN_SHARED_DATASETS to its path); skipping a real-data test.");
        var path = Path.Combine(root!, relative);
        Skip.IfNot(File.Exists(path), $"{path} is missing; skipping a real-data test.");
        return path;
    }

    private static string? FindRoot()
    {
        var env = Environment.GetEnvironmentVariable("NOTEBOOKNN_SHARED_DATASETS");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return env;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "NotebookNN.sln"))) continue;
            var candidate = Path.Combine(dir.FullName, "..", "shared", "datasets");
            return Directory.Exists(candidate) ? Path.GetFullPath(candidate) : null;
        }
        return null;
    }

    /// <summary>A scikit-learn CSV (header line "rows,cols,names…", then features and an integer label).</summary>
    public static (Tensor X, Tensor Y) SklearnCsv(string file)
    {
        var lines = File.ReadAllLines(Require(Path.Combine("sklearn", file)));
        var header = lines[0].Split(',');
        int rows = int.Parse(header[0], CultureInfo.InvariantCulture), cols = int.Parse(header[1], CultureInfo.InvariantCulture);
        var x = new float[rows * cols];
        var y = new float[rows];
        for (int i = 0; i < rows; i++)
        {
            var parts = lines[i + 1].Split(',');
            for (int j = 0; j < cols; j++) x[i * cols + j] = float.Parse(parts[j], CultureInfo.InvariantCulture);
            y[i] = float.Parse(parts[cols], CultureInfo.InvariantCulture);
        }
        return (Tensor.From(x, [rows, cols]), Tensor.From(y));
    }

    /// <summary>Boston house prices: 506 × 13 features and the MEDV target.</summary>
    public static (Tensor X, Tensor Y) Boston()
    {
        var lines = File.ReadAllLines(Require(Path.Combine("sklearn", "boston_house_prices.csv")));
        int rows = int.Parse(lines[0].Split(',')[0], CultureInfo.InvariantCulture);
        var x = new float[rows * 13];
        var y = new float[rows];
        for (int i = 0; i < rows; i++)
        {
            var parts = lines[i + 2].Split(',');
            for (int j = 0; j < 13; j++) x[i * 13 + j] = float.Parse(parts[j], CultureInfo.InvariantCulture);
            y[i] = float.Parse(parts[13], CultureInfo.InvariantCulture);
        }
        return (Tensor.From(x, [rows, 13]), Tensor.From(y));
    }

    /// <summary>The MNIST test set (IDX, gzip): images (10000, 28, 28) as 0..255 floats and labels.</summary>
    public static (Tensor Images, Tensor Labels) MnistTest()
    {
        var images = ReadIdx(Require(Path.Combine("mnist-t10k", "t10k-images-idx3-ubyte.gz")), out var dims);
        var labels = ReadIdx(Require(Path.Combine("mnist-t10k", "t10k-labels-idx1-ubyte.gz")), out _);
        return (Tensor.From(images, dims), Tensor.From(labels));
    }

    private static float[] ReadIdx(string path, out int[] dims)
    {
        using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var ms = new MemoryStream();
        gz.CopyTo(ms);
        var b = ms.ToArray();
        int ndim = b[3];
        dims = new int[ndim];
        for (int i = 0; i < ndim; i++) dims[i] = (b[4 + 4 * i] << 24) | (b[5 + 4 * i] << 16) | (b[6 + 4 * i] << 8) | b[7 + 4 * i];
        int offset = 4 + 4 * ndim;
        var data = new float[b.Length - offset];
        for (int i = 0; i < data.Length; i++) data[i] = b[offset + i];
        return data;
    }
}
