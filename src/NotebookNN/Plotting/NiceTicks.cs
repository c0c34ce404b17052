namespace NotebookNN.Plotting;

/// <summary>
/// Axis ticks at "nice" numbers (1, 2 or 5 times a power of ten apart, as Plotly and matplotlib choose them) and the
/// padded range they are drawn over.
/// </summary>
internal static class NiceTicks
{
    /// <summary>
    /// The range drawn for data from <paramref name="min"/> to <paramref name="max"/>: 5% of the span added at each
    /// end (matplotlib's margins), or ±1 around a single value (±10% of it when it is not near zero).
    /// </summary>
    public static (double Lo, double Hi) Pad(double min, double max)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max)) return (0, 1);
        double span = max - min;
        if (span > 0) return (min - 0.05 * span, max + 0.05 * span);
        double d = Math.Abs(min) > 1e-12 ? Math.Abs(min) * 0.1 : 1;
        return (min - d, max + d);
    }

    /// <summary>The step between about <paramref name="target"/> ticks over <paramref name="span"/>: 1, 2 or 5 × 10^k.</summary>
    public static double Step(double span, int target)
    {
        double raw = span / Math.Max(1, target);
        double power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double f = raw / power;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
    }

    /// <summary>Ticks at multiples of <paramref name="step"/> from <paramref name="origin"/> within [lo, hi].</summary>
    public static double[] Within(double lo, double hi, double step, double origin = 0)
    {
        if (!(step > 0) || !double.IsFinite(lo) || !double.IsFinite(hi)) return [];
        long first = (long)Math.Ceiling((lo - origin) / step - 1e-9), last = (long)Math.Floor((hi - origin) / step + 1e-9);
        if (last - first > 1000) return [];
        var ticks = new double[Math.Max(0, last - first + 1)];
        for (long k = first; k <= last; k++) ticks[k - first] = Clean(origin + k * step, step);
        return ticks;
    }

    /// <summary>Decimals needed to print ticks <paramref name="step"/> apart.</summary>
    public static int Decimals(double step)
    {
        for (int d = 0; d < 15; d++)
        {
            double scaled = step * Math.Pow(10, d);
            if (Math.Abs(scaled - Math.Round(scaled)) < 1e-6 * Math.Max(1, scaled)) return d;
        }
        return 15;
    }

    private static double Clean(double v, double step) => Math.Abs(v) < step * 1e-9 ? 0 : Math.Round(v, Math.Min(15, Decimals(step) + 1));
}
