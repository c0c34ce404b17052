using System.Globalization;
using System.Numerics;

namespace NotebookNN.Text;

/// <summary>
/// The two ways Python and numpy turn a binary float into decimal digits: the shortest digits that read back to the
/// same value (Python's <c>repr</c>, numpy's Dragon4 "unique" mode) and the exact binary value rounded to a fixed
/// number of digits, ties to even (Python's <c>%.Nf</c> / <c>%.Ne</c>; .NET's "F" and "E" formats round ties away
/// from zero).
/// </summary>
internal static class DecimalDigits
{
    /// <summary>
    /// The shortest round-trip digits of |<paramref name="roundTrip"/>| (no leading or trailing zeros; "0" for zero)
    /// and the decimal point's position in them: the value is 0.<c>Digits</c> × 10^<c>Point</c>.
    /// </summary>
    /// <param name="roundTrip">The value's round-trip text (<c>ToString("R")</c> of a double or a float, which keeps
    /// the float's own shortest digits).</param>
    public static (string Digits, int Point) Shortest(string roundTrip)
    {
        string s = roundTrip.TrimStart('-');
        int exp = 0, e = s.IndexOf('E');
        if (e >= 0) { exp = int.Parse(s[(e + 1)..], CultureInfo.InvariantCulture); s = s[..e]; }
        int dot = s.IndexOf('.');
        int point = (dot < 0 ? s.Length : dot) + exp;
        string digits = s.Replace(".", "");
        int lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0') lead++;
        digits = digits[lead..].TrimEnd('0');
        return digits.Length == 0 ? ("0", 1) : (digits, point - lead);
    }

    /// <summary>|<paramref name="x"/>| · 10^<paramref name="power"/> rounded to an integer, ties to even, computed exactly
    /// (a float converts to double exactly, so this serves both).</summary>
    public static BigInteger RoundScaled(double x, int power)
    {
        long bits = BitConverter.DoubleToInt64Bits(Math.Abs(x));
        int exponent = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0) exponent = 1; else mantissa |= 1L << 52;
        int shift = exponent - 1075;                                            // |x| = mantissa · 2^shift
        BigInteger num = mantissa, den = BigInteger.One;
        if (shift >= 0) num <<= shift; else den <<= -shift;
        if (power >= 0) num *= BigInteger.Pow(10, power); else den *= BigInteger.Pow(10, -power);
        var q = BigInteger.DivRem(num, den, out var rem);
        int cmp = (rem * 2).CompareTo(den);
        return cmp > 0 || (cmp == 0 && !q.IsEven) ? q + 1 : q;
    }
}
