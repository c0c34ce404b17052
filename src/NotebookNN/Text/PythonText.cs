using System.Collections;
using System.Globalization;
using System.Numerics;

namespace NotebookNN.Text;

/// <summary>
/// Numbers and values as Python, numpy and Keras print them, in the invariant culture: one method per rule, for every
/// wing that prints (Keras's messages and progress bar, scikit-learn's reports, numpy's reprs, the notebook formatters).
/// </summary>
internal static class PythonText
{
    /// <summary>Python's <c>repr</c> (and <c>str</c>) of a float: the shortest digits that round-trip, positional from
    /// 1e-4 to 1e16 with <c>.0</c> on whole numbers (<c>0.001</c>, <c>1.0</c>), else <c>1.5e-05</c>; <c>nan</c>, <c>inf</c>.</summary>
    public static string Float(double value)
    {
        if (!double.IsFinite(value)) return NonFinite(value);
        var (digits, point) = DecimalDigits.Shortest(value.ToString("R", CultureInfo.InvariantCulture));
        return Layout(double.IsNegative(value), digits, point, scientific: point - 1 is < -4 or >= 16);
    }

    /// <summary>
    /// numpy's <c>str</c> of a float32 scalar: the layout of <see cref="Float(double)"/> with the shortest digits that
    /// round-trip in float32 (<c>np.float32(0.1)</c> prints <c>0.1</c>, not <c>0.10000000149011612</c>), positional
    /// when the exact value lies in [1e-4, 1e16) (so <c>np.float32(0.0001)</c>, just below 1e-4, prints <c>1e-04</c>).
    /// </summary>
    public static string Float32(float value)
    {
        if (!float.IsFinite(value)) return NonFinite(value);
        var (digits, point) = DecimalDigits.Shortest(value.ToString("R", CultureInfo.InvariantCulture));
        double magnitude = Math.Abs((double)value);
        return Layout(float.IsNegative(value), digits, point, scientific: value != 0 && magnitude is < 1e-4 or >= 1e16);
    }

    /// <summary>
    /// A number the user passed, as Keras's messages print it (<c>Received: learning_rate=-1</c>): a whole number as the
    /// int it was most likely written as, any other as <see cref="Float(double)"/>, and <c>None</c> for null.
    /// </summary>
    public static string Number(double? value) => value switch
    {
        null => "None",
        { } v when v == Math.Floor(v) && Math.Abs(v) < 1e16 => ((long)v).ToString(CultureInfo.InvariantCulture),
        { } v => Float(v),
    };

    /// <summary>Python's <c>f"{x:.{decimals}f}"</c>: the exact binary value rounded half-to-even (<c>f"{0.5:.0f}"</c> is
    /// <c>0</c>, <c>f"{0.03125:.4f}"</c> is <c>0.0312</c>), a sign kept on negative zero.</summary>
    public static string Fixed(double x, int decimals)
    {
        if (!double.IsFinite(x)) return NonFinite(x);
        var digits = DecimalDigits.RoundScaled(x, decimals).ToString(CultureInfo.InvariantCulture).PadLeft(decimals + 1, '0');
        var text = decimals == 0 ? digits : digits[..^decimals] + "." + digits[^decimals..];
        return double.IsNegative(x) ? "-" + text : text;
    }

    /// <summary>Python's <c>f"{x:.{decimals}e}"</c>, e.g. <c>5.0000e-04</c>.</summary>
    public static string Exponent(double x, int decimals)
    {
        if (!double.IsFinite(x)) return NonFinite(x);
        string sign = double.IsNegative(x) ? "-" : "";
        if (x == 0) return sign + Fixed(0, decimals) + "e+00";
        int e = (int)Math.Floor(Math.Log10(Math.Abs(x)));
        BigInteger q, low = BigInteger.Pow(10, decimals), high = low * 10;
        while (true)
        {
            q = DecimalDigits.RoundScaled(x, decimals - e);
            if (q >= high) e++;
            else if (q < low) e--;
            else break;
        }
        var digits = q.ToString(CultureInfo.InvariantCulture);
        var mantissa = decimals == 0 ? digits : digits[..1] + "." + digits[1..];
        return $"{sign}{mantissa}e{(e < 0 ? '-' : '+')}{Math.Abs(e):00}";
    }

    /// <summary>
    /// A metric value as Keras's progress bar writes it: <c>%.4f</c> above 1e-3, else <c>%.4e</c>. Verbose 1 compares
    /// the absolute value (<paramref name="absolute"/>); verbose 2 the signed one, as Keras 2 does (so negative values
    /// print in exponent form there).
    /// </summary>
    public static string ProgbarValue(double value, bool absolute = true) =>
        (absolute ? Math.Abs(value) : value) > 1e-3 ? Fixed(value, 4) : Exponent(value, 4);

    /// <summary>Python's <c>repr</c> of a parameter value: <c>None</c>, <c>'text'</c>, <c>True</c>, <c>0.001</c>,
    /// <c>[8, 16]</c> (a .NET float or double as a Python float, other numbers as ints).</summary>
    public static string Repr(object? value) => value switch
    {
        null => "None",
        string s => String(s),
        bool b => b ? "True" : "False",
        double d => Float(d),
        float f => Float(f),
        IFormattable n => n.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable e => $"[{string.Join(", ", e.Cast<object?>().Select(Repr))}]",
        _ => value.ToString() ?? "",
    };

    /// <summary>Python's <c>repr</c> of a str: single quotes, or double quotes when the text has a single quote and no
    /// double one (<c>"it's"</c>); backslashes and the chosen quote escaped.</summary>
    public static string String(string s)
    {
        char quote = s.Contains('\'') && !s.Contains('"') ? '"' : '\'';
        var escaped = s.Replace("\\", "\\\\");
        if (quote == '\'') escaped = escaped.Replace("'", "\\'");
        return quote + escaped + quote;
    }

    private static string NonFinite(double x) => double.IsNaN(x) ? "nan" : x > 0 ? "inf" : "-inf";

    /// <summary>Python's float repr layout of 0.<paramref name="d"/> × 10^<paramref name="point"/>: positional with at
    /// least one digit after the point, or scientific with a two-digit exponent at least.</summary>
    private static string Layout(bool negative, string d, int point, bool scientific)
    {
        string sign = negative ? "-" : "";
        if (d == "0") return sign + "0.0";
        int exp10 = point - 1;
        if (!scientific)
        {
            if (point <= 0) return $"{sign}0.{new string('0', -point)}{d}";
            if (point >= d.Length) return $"{sign}{d}{new string('0', point - d.Length)}.0";
            return $"{sign}{d[..point]}.{d[point..]}";
        }
        return $"{sign}{d[0]}{(d.Length > 1 ? "." + d[1..] : "")}e{(exp10 < 0 ? '-' : '+')}{Math.Abs(exp10):00}";
    }
}
