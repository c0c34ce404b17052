using System.Globalization;

namespace NotebookNN.Callbacks;

/// <summary>
/// Python's <c>str()</c> of a float, for the messages Keras's callbacks print with f-strings: the shortest
/// round-trip digits, <c>1.0</c> for whole numbers, <c>1e-05</c> style exponents.
/// </summary>
internal static class PyRepr
{
    /// <summary>A Python float (float64) as <c>str()</c> prints it.</summary>
    public static string Float(double value) => Format(value.ToString("R", CultureInfo.InvariantCulture), double.IsFinite(value));

    /// <summary>A numpy float32 as <c>str()</c> prints it (shortest digits that round-trip in float32).</summary>
    public static string Float32(float value) => Format(value.ToString("R", CultureInfo.InvariantCulture), float.IsFinite(value));

    private static string Format(string s, bool finite)
    {
        if (!finite) return s switch { "NaN" => "nan", "-∞" or "-Infinity" => "-inf", _ => "inf" };
        int e = s.IndexOf('E');
        if (e < 0) return s.Contains('.') ? s : s + ".0";
        int exponent = int.Parse(s[(e + 1)..], CultureInfo.InvariantCulture);
        return $"{s[..e]}e{(exponent < 0 ? '-' : '+')}{Math.Abs(exponent):00}";
    }
}
