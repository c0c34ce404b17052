using NotebookNN.Datasets.Download;
using NotebookNN.Datasets.Formats;
using NotebookNN.Tensors;

namespace NotebookNN.Datasets;

/// <summary>The Boston housing prices regression set (keras.datasets.boston_housing): 506 rows of 13 features.</summary>
public static class BostonHousing
{
    internal static readonly DatasetSource Source = DatasetSource.Keras("boston_housing.npz", sha256: "f553886a1f8d56431e820c5b82552d9d95cfcb96d1e678153f8839538947dff5");

    /// <summary>
    /// Loads the data shuffled with numpy's <c>RandomState(seed)</c> and split as Keras does: with the defaults
    /// x train (404, 13), y train (404,), x test (102, 13), y test (102,), prices in thousands of dollars.
    /// </summary>
    /// <param name="testSplit">Fraction of the rows kept for the test set.</param>
    /// <param name="seed">Seed of the shuffle before the split.</param>
    /// <param name="path">The file name in the cache.</param>
    public static ((Tensor X, Tensor Y) Train, (Tensor X, Tensor Y) Test) LoadData(double testSplit = 0.2, int seed = 113, string path = "boston_housing.npz") =>
        LoadFrom(DatasetCache.GetFile(Source with { FileName = path }), testSplit, seed);

    internal static ((Tensor X, Tensor Y) Train, (Tensor X, Tensor Y) Test) LoadFrom(string file, double testSplit = 0.2, int seed = 113)
    {
        var arrays = NpzReader.ReadFile(file);
        var x = arrays.Get("x", file);
        var y = arrays.Get("y", file);
        int n = x.Shape[0];
        if (y.Shape[0] != n) throw new InvalidDataException($"'{file}': x has {n} rows but y has {y.Shape[0]}.");
        int k = DatasetArrays.TrainCount(n, testSplit);
        var order = DatasetArrays.KerasOrder(n, seed);
        float[] xv = x.ToFloatArray(), yv = y.ToFloatArray();
        int[] row = x.Shape[1..], one = y.Shape[1..];
        return ((DatasetArrays.TakeRows(xv, row, order, 0, k), DatasetArrays.TakeRows(yv, one, order, 0, k)),
                (DatasetArrays.TakeRows(xv, row, order, k, n), DatasetArrays.TakeRows(yv, one, order, k, n)));
    }
}
