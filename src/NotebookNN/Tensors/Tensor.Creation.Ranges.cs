namespace NotebookNN.Tensors;

public partial class Tensor
{
    /// <summary>Values 0, 1, ..., stop - 1 (numpy's <c>arange(stop)</c>) as float32.</summary>
    public static Tensor Arange(double stop) => Arange(0, stop, 1);

    /// <summary>
    /// Evenly spaced values start, start + step, ... up to but excluding <paramref name="stop"/> (numpy's
    /// <c>arange</c>): length ceil((stop - start) / step), or 0 when that is negative. Computed in float64, stored as float32.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="step"/> is 0 or not finite.</exception>
    public static Tensor Arange(double start, double stop, double step = 1)
    {
        if (step == 0 || !double.IsFinite(step))
            throw new ArgumentException(Invariant($"Arange expects a non-zero finite step. Received: step={step}"));
        double count = Math.Ceiling((stop - start) / step);
        if (double.IsNaN(count) || count > Array.MaxLength)
            throw new ArgumentException(Invariant($"Arange cannot make {count} values. Received: start={start}, stop={stop}, step={step}"));
        var t = NewUninitialized([(int)Math.Max(0, count)]);
        var span = t.Span;
        for (int i = 0; i < span.Length; i++) span[i] = (float)(start + i * step);
        return t;
    }

    /// <summary>
    /// <paramref name="num"/> evenly spaced values from <paramref name="start"/> to <paramref name="stop"/>
    /// (numpy's <c>linspace</c>); <paramref name="stop"/> is the last value when <paramref name="endpoint"/> is true.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="num"/> is negative.</exception>
    public static Tensor Linspace(double start, double stop, int num = 50, bool endpoint = true)
    {
        if (num < 0) throw new ArgumentException($"Number of samples, {num}, must be non-negative.");
        int div = endpoint ? num - 1 : num;
        double step = div > 0 ? (stop - start) / div : 0;
        var t = NewUninitialized([num]);
        var span = t.Span;
        for (int i = 0; i < num; i++) span[i] = (float)(start + i * step);
        if (endpoint && num > 1) span[^1] = (float)stop;
        return t;
    }

    /// <summary>
    /// A 2-D tensor with ones on a diagonal and zeros elsewhere (numpy's <c>eye</c>): <paramref name="n"/> rows,
    /// <paramref name="m"/> columns (default n), diagonal <paramref name="k"/> (0 = main, positive = above).
    /// </summary>
    /// <exception cref="ArgumentException">A negative row or column count.</exception>
    public static Tensor Eye(int n, int? m = null, int k = 0)
    {
        int cols = m ?? n;
        if (n < 0 || cols < 0) throw new ArgumentException($"Eye expects non-negative dimensions. Received: n={n}, m={cols}");
        var t = NewZeros([n, cols]);
        for (int i = Math.Max(0, -k); i < n && i + k < cols; i++) t.Data[i * cols + i + k] = 1f;
        return t;
    }
}
