using NotebookNN.Tensors;
using NotebookNN.Text;

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
            : PythonText.Float(label);

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

    /// <summary>Row-wise arg-max of a (n, k) tensor, threshold 0.5 for (n, 1); 1-D labels pass through.</summary>
    public static Tensor ClassIndices(Tensor t, bool labels = false)
    {
        if (t.NDim == 1) return t;
        if (t.NDim != 2) throw new ArgumentException($"Expected class outputs of shape (n, k); received {t.Shape}.");
        int n = t.Shape[0], k = t.Shape[1];
        var v = t.ToArray();
        var r = new float[n];
        for (int i = 0; i < n; i++)
        {
            if (k == 1) { r[i] = labels ? v[i] : v[i] > 0.5f ? 1 : 0; continue; }
            int best = 0;
            for (int j = 1; j < k; j++) if (v[i * k + j] > v[i * k + best]) best = j;
            r[i] = best;
        }
        return Tensor.From(r);
    }
}
