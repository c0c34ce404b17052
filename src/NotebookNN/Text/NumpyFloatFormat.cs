using System.Globalization;
using System.Numerics;

namespace NotebookNN.Text;

/// <summary>
/// numpy's float formatting for one array (its <c>FloatingFormat</c> with the default options: precision 8,
/// floatmode "maxprec", no small-value suppression). The layout is chosen from all values shown: scientific
/// when the largest magnitude is ≥ 1e8, the smallest non-zero is &lt; 1e-4, or their ratio is &gt; 1000; otherwise
/// positional with the shortest round-trip digits ("unique", as numpy's Dragon4) capped at 8 fractional digits,
/// trailing-dot style (<c>12.</c>), and every value padded to a common width.
/// </summary>
internal sealed class NumpyFloatFormat
{
    private const int Precision = 8;
    private readonly bool _scientific;
    private readonly int _padLeft, _padRight, _fracDigits, _expDigits;

    public NumpyFloatFormat(IEnumerable<float> values)
    {
        var finite = values.Where(float.IsFinite).ToList();
        bool anyNonFinite = values.Any(v => !float.IsFinite(v)), negInf = values.Any(float.IsNegativeInfinity);
        var nonZero = finite.Where(v => v != 0).Select(MathF.Abs).ToList();
        if (nonZero.Count > 0)
        {
            float max = nonZero.Max(), min = nonZero.Min();
            _scientific = max >= 1e8f || (double)min < 1e-4 || max / min > 1000f; // numpy divides in float32
        }
        if (finite.Count > 0 && _scientific)
        {
            var parts = finite.Select(v => Scientific(v)).ToList();
            _fracDigits = parts.Max(p => p.Frac.Length);
            _expDigits = Math.Max(2, parts.Max(p => Math.Abs(p.Exp).ToString(CultureInfo.InvariantCulture).Length));
            _padLeft = parts.Max(p => p.Int.Length);
            _padRight = _expDigits + 2 + _fracDigits;
        }
        else if (finite.Count > 0)
        {
            var parts = finite.Select(Positional).ToList();
            _padLeft = parts.Max(p => p.Int.Length);
            _padRight = parts.Max(p => p.Frac.Length);
        }
        if (anyNonFinite)
        {
            int offset = _padRight + 1;
            _padLeft = Math.Max(_padLeft, Math.Max(3 - offset, 3 + (negInf ? 1 : 0) - offset));
        }
    }

    /// <summary>One value, padded to the array's common width.</summary>
    public string Format(float x)
    {
        if (!float.IsFinite(x))
        {
            string word = float.IsNaN(x) ? "nan" : x < 0 ? "-inf" : "inf";
            return word.PadLeft(_padLeft + _padRight + 1);
        }
        if (_scientific)
        {
            var (i, f, e) = Scientific(x, _fracDigits);
            string exp = Math.Abs(e).ToString(CultureInfo.InvariantCulture).PadLeft(_expDigits, '0');
            return i.PadLeft(_padLeft) + "." + f.PadRight(_fracDigits, '0') + "e" + (e < 0 ? "-" : "+") + exp;
        }
        var (ip, fp) = Positional(x);
        return ip.PadLeft(_padLeft) + "." + fp.PadRight(_padRight);
    }

    /// <summary>
    /// Scientific parts of x: the shortest digits, or with <paramref name="fracDigits"/> the exact value rounded to
    /// that many digits after the first (Dragon4's min_digits prints real digits, e.g. 1.4012985e-45, not zeros).
    /// </summary>
    private static (string Int, string Frac, int Exp) Scientific(float x, int fracDigits = 0)
    {
        var (d, point) = Shortest(x);
        string sign = float.IsNegative(x) ? "-" : "";
        if (d == "0") return (sign + "0", "", 0);
        int e = point - 1;
        if (fracDigits + 1 > d.Length)
        {
            d = RoundScaled(x, fracDigits - e).ToString(CultureInfo.InvariantCulture);
            if (d.Length > fracDigits + 1) { d = d[..(fracDigits + 1)]; e++; }   // rounded up to a power of ten
        }
        return (sign + d[0], d[1..], e);
    }

    private static (string Int, string Frac) Positional(float x)
    {
        var (d, point) = Shortest(x);
        string sign = float.IsNegative(x) ? "-" : "";
        if (d == "0") return (sign + "0", "");
        if (d.Length - point > Precision) return RoundedPositional(x, sign);
        string ip = point <= 0 ? "0" : point >= d.Length ? d + new string('0', point - d.Length) : d[..point];
        string fp = point >= d.Length ? "" : point < 0 ? new string('0', -point) + d : d[point..];
        return (sign + ip, fp);
    }

    /// <summary>The exact binary value rounded to 8 fractional digits.</summary>
    private static (string Int, string Frac) RoundedPositional(float x, string sign)
    {
        var q = RoundScaled(x, Precision);
        var scale = BigInteger.Pow(10, Precision);
        string frac = (q % scale).ToString(CultureInfo.InvariantCulture).PadLeft(Precision, '0').TrimEnd('0');
        return (sign + (q / scale).ToString(CultureInfo.InvariantCulture), frac);
    }

    private static (string Digits, int Point) Shortest(float x) => DecimalDigits.Shortest(x.ToString("R", CultureInfo.InvariantCulture));

    private static BigInteger RoundScaled(float x, int power) => DecimalDigits.RoundScaled(x, power);
}
