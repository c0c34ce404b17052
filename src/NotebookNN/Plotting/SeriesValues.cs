using System.Globalization;
using NotebookNN.Tensors;

namespace NotebookNN.Plotting;

/// <summary>The numbers of one plotted series, from whatever a tutorial's port holds them in.</summary>
internal static class SeriesValues
{
    /// <summary>
    /// <paramref name="values"/> as doubles: an array or list of double, float, int or long, any <c>IEnumerable</c> of
    /// them (<c>Enumerable.Range(1, 20)</c>, <c>history.History["loss"]</c>) or a 1-D <see cref="Tensor"/>.
    /// </summary>
    public static double[] From(object? values, string argument) => values switch
    {
        null => throw new ArgumentNullException(argument, $"Argument `{argument}` must be a sequence of numbers. Received: null"),
        Tensor t when t.Shape.Dims.Length == 1 => [.. t.Contiguous().ToArray().Select(v => (double)v)],
        Tensor t => throw new ArgumentException(
            $"Argument `{argument}` must be a 1-D tensor. Received: shape={t.Shape}. Pass one column, e.g. t[.., 0], or t.Reshape(-1) to flatten.", argument),
        IEnumerable<double> d => [.. d],
        IEnumerable<float> f => [.. f.Select(v => (double)v)],
        IEnumerable<int> i => [.. i.Select(v => (double)v)],
        IEnumerable<long> l => [.. l.Select(v => (double)v)],
        _ => throw new ArgumentException(
            $"Argument `{argument}` must be a sequence of numbers (double[], float[], int[], a List<double>, any IEnumerable of numbers or a 1-D Tensor). Received: {values.GetType().Name}", argument),
    };

    /// <summary>matplotlib's message when x and y differ in length.</summary>
    public static void SameLength(double[] x, double[] y)
    {
        if (x.Length != y.Length)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"x and y must have same first dimension, but have shapes ({x.Length},) and ({y.Length},)"), "y");
    }
}
