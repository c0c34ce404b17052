using NotebookNN;

namespace NotebookNN.Tests.Tensors;

/// <summary>Test helpers for views: a source whose value at each position is its row-major flat index.</summary>
internal static class ViewAssert
{
    /// <summary>A contiguous tensor of the given dims holding 0, 1, 2, ... (each value is its own flat index).</summary>
    public static Tensor Iota(params int[] dims)
    {
        int n = dims.Aggregate(1, (a, b) => a * b);
        return Tensor.From(Enumerable.Range(0, n).Select(i => (float)i).ToArray(), dims);
    }

    /// <summary>
    /// Asserts that <paramref name="view"/> has <paramref name="dims"/> and that the element at each multi-index
    /// equals <paramref name="expected"/>(index), iterating the index in plain int arithmetic.
    /// </summary>
    public static void Elements(Tensor view, int[] dims, Func<int[], float> expected)
    {
        Assert.Equal(dims, view.Shape.ToArray());
        var values = view.ToArray();
        var index = new int[dims.Length];
        for (int k = 0; k < values.Length; k++)
        {
            Assert.True(expected(index) == values[k], $"at ({string.Join(", ", index)}): expected {expected(index)}, got {values[k]}");
            for (int a = dims.Length - 1; a >= 0; a--)
            {
                if (++index[a] < dims[a]) break;
                index[a] = 0;
            }
        }
    }

    /// <summary>Row-major flat index of <paramref name="index"/> in <paramref name="dims"/>.</summary>
    public static int Flat(int[] dims, params int[] index)
    {
        int f = 0;
        for (int a = 0; a < dims.Length; a++) f = f * dims[a] + index[a];
        return f;
    }
}
