using NotebookNN.Tensors;

namespace NotebookNN.Learn;

/// <summary>Label vectors as doubles, their sorted distinct values, and numpy-exact sums used by the metrics.</summary>
internal static class Labels
{
    /// <summary>The values of a 1-D tensor (or an (n, 1) column).</summary>
    public static double[] Vector(Tensor t, string name)
    {
        if (t.NDim != 1 && !(t.NDim == 2 && t.Shape[1] == 1))
            throw new ArgumentException($"Expected `{name}` to be 1-D (or a column vector); received shape {t.Shape}.");
        return t.ToArray().Select(v => (double)v).ToArray();
    }

    public static void SameLength(double[] a, double[] b, string an, string bn)
    {
        if (a.Length != b.Length)
            throw new ArgumentException($"Found input variables with inconsistent numbers of samples: [{a.Length}, {b.Length}] ({an}, {bn}).");
        if (a.Length == 0) throw new ArgumentException($"Expected non-empty `{an}`.");
    }

    /// <summary>Sorted distinct values (numpy's <c>unique</c>).</summary>
    public static double[] Unique(IEnumerable<double> values) => values.Distinct().Order().ToArray();

    /// <summary>How a label prints in scikit-learn's reports: <c>"%s" % label</c> of an int label.</summary>
    public static string Name(double label) =>
        label == Math.Floor(label) && Math.Abs(label) < 1e15 ? ((long)label).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : label.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>numpy's pairwise summation (<c>np.add.reduce</c> on float64), so averages round as numpy's do.</summary>
    public static double Sum(ReadOnlySpan<double> a)
    {
        if (a.Length < 8)
        {
            double s = 0;
            foreach (var v in a) s += v;
            return s;
        }
        if (a.Length <= 128)
        {
            Span<double> r = stackalloc double[8];
            a[..8].CopyTo(r);
            int i = 8;
            for (; i < a.Length - a.Length % 8; i += 8)
                for (int j = 0; j < 8; j++) r[j] += a[i + j];
            double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < a.Length; i++) res += a[i];
            return res;
        }
        int half = a.Length / 2;
        half -= half % 8;
        return Sum(a[..half]) + Sum(a[half..]);
    }
}
