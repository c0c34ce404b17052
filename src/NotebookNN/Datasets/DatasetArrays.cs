using NotebookNN.Datasets.Formats;
using NotebookNN.Tensors;

namespace NotebookNN.Datasets;

/// <summary>Shared conversions from file arrays to tensors and the row reordering Keras applies.</summary>
internal static class DatasetArrays
{
    /// <summary>A numeric npy array as a float32 tensor of the same shape.</summary>
    public static Tensor ToTensor(NpyArray a) => Tensor.Adopt(a.ToFloatArray(), a.Shape);

    /// <summary>Rows of a row-major table (rowSize values each) taken in <paramref name="order"/>[start..end).</summary>
    public static Tensor TakeRows(float[] values, int[] rowShape, int[] order, int start, int end)
    {
        int rowSize = rowShape.Aggregate(1, (a, b) => a * b);
        var result = new float[(end - start) * rowSize];
        for (int i = start; i < end; i++) Array.Copy(values, (long)order[i] * rowSize, result, (long)(i - start) * rowSize, rowSize);
        return Tensor.Adopt(result, [end - start, .. rowShape]);
    }

    /// <summary>Keras's <c>RandomState(seed)</c> shuffle of <c>arange(n)</c>.</summary>
    public static int[] KerasOrder(int n, int seed) => new NumpyRandomState(seed).Permutation(n);

    /// <summary>The split point Keras uses: <c>int(n * (1 - test_split))</c>.</summary>
    public static int TrainCount(int n, double testSplit)
    {
        if (testSplit is < 0 or > 1 || double.IsNaN(testSplit))
            throw new ArgumentOutOfRangeException(nameof(testSplit), Invariant($"Argument `test_split` must be between 0 and 1. Received: test_split={testSplit}"));
        return (int)(n * (1 - testSplit));
    }
}
