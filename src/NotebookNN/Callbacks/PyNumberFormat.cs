using System.Globalization;
using System.Numerics;

namespace NotebookNN.Callbacks;

/// <summary>
/// Python's <c>%.Nf</c> and <c>%.Ne</c> for doubles, exactly: the exact binary value rounded half-to-even
/// (Python prints <c>f"{0.5:.0f}"</c> as <c>0</c> and <c>f"{0.03125:.4f}"</c> as <c>0.0312</c>, where .NET's
/// "F" formats round ties away from zero), <c>nan</c>/<c>inf</c>, and a sign kept on negative zero.
/// </summary>
internal static class PyNumberFormat
{
    /// <summary>Python's <c>f"{x:.{decimals}f}"</c>.</summary>
    public static string Fixed(double x, int decimals)
    {
        if (!double.IsFinite(x)) return NonFinite(x);
        var (num, den) = Exact(Math.Abs(x));
        var digits = RoundHalfEven(num * BigInteger.Pow(10, decimals), den).ToString(CultureInfo.InvariantCulture)
            .PadLeft(decimals + 1, '0');
        var text = decimals == 0 ? digits : digits[..^decimals] + "." + digits[^decimals..];
        return double.IsNegative(x) ? "-" + text : text;
    }

    /// <summary>Python's <c>f"{x:.{decimals}e}"</c>, e.g. <c>5.0000e-04</c>.</summary>
    public static string Exponent(double x, int decimals)
    {
        if (!double.IsFinite(x)) return NonFinite(x);
        string sign = double.IsNegative(x) ? "-" : "";
        if (x == 0) return sign + Fixed(0, decimals) + "e+00";
        var (num, den) = Exact(Math.Abs(x));
        int e = (int)Math.Floor(Math.Log10(Math.Abs(x)));
        BigInteger q, low = BigInteger.Pow(10, decimals), high = low * 10;
        while (true)
        {
            int shift = decimals - e;
            q = shift >= 0 ? RoundHalfEven(num * BigInteger.Pow(10, shift), den) : RoundHalfEven(num, den * BigInteger.Pow(10, -shift));
            if (q >= high) e++;
            else if (q < low) e--;
            else break;
        }
        var digits = q.ToString(CultureInfo.InvariantCulture);
        var mantissa = decimals == 0 ? digits : digits[..1] + "." + digits[1..];
        return $"{sign}{mantissa}e{(e < 0 ? '-' : '+')}{Math.Abs(e):00}";
    }

    private static string NonFinite(double x) => double.IsNaN(x) ? "nan" : x > 0 ? "inf" : "-inf";

    /// <summary>A non-negative finite double as an exact fraction num/den (den a power of two).</summary>
    private static (BigInteger Num, BigInteger Den) Exact(double x)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        int exponent = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0) exponent = 1; else mantissa |= 1L << 52;
        int power = exponent - 1075;
        return power >= 0 ? (new BigInteger(mantissa) << power, BigInteger.One) : (new BigInteger(mantissa), BigInteger.One << -power);
    }

    private static BigInteger RoundHalfEven(BigInteger num, BigInteger den)
    {
        var q = BigInteger.DivRem(num, den, out var r);
        int c = (r * 2).CompareTo(den);
        return c > 0 || (c == 0 && !q.IsEven) ? q + 1 : q;
    }
}
