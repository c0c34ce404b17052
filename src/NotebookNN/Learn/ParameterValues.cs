using System.Collections;
using System.Globalization;

namespace NotebookNN.Learn;

/// <summary>Parameter values of estimators and searches: converted to the type a parameter declares, and printed as Python prints them.</summary>
internal static class ParameterValues
{
    /// <summary><paramref name="value"/> as a <paramref name="target"/> (numbers between numeric types when no value is lost, sequences to arrays).</summary>
    public static object? ConvertTo(object? value, Type target, string name)
    {
        var underlying = Nullable.GetUnderlyingType(target) ?? target;
        if (value is null)
            return !target.IsValueType || Nullable.GetUnderlyingType(target) is not null ? null
                : throw new ArgumentException($"Parameter '{name}' expects {TypeName(target)}; received None.");
        if (underlying.IsInstanceOfType(value)) return value;
        if (IsNumber(value) && IsNumber(underlying))
        {
            var converted = Convert.ChangeType(value, underlying, CultureInfo.InvariantCulture);
            if (Convert.ToDouble(converted, CultureInfo.InvariantCulture) == Convert.ToDouble(value, CultureInfo.InvariantCulture)) return converted;
        }
        if (underlying.IsArray && value is IEnumerable seq and not string)
        {
            var items = seq.Cast<object?>().Select(v => ConvertTo(v, underlying.GetElementType()!, name)).ToArray();
            var array = Array.CreateInstance(underlying.GetElementType()!, items.Length);
            for (int i = 0; i < items.Length; i++) array.SetValue(items[i], i);
            return array;
        }
        throw new ArgumentException($"Parameter '{name}' expects {TypeName(target)}; received {Py(value)} ({TypeName(value.GetType())}).");
    }

    private static bool IsNumber(object v) => IsNumber(v.GetType());

    private static bool IsNumber(Type t) => t == typeof(int) || t == typeof(long) || t == typeof(double) || t == typeof(float) || t == typeof(short)
        || t == typeof(byte) || t == typeof(decimal);

    private static string TypeName(Type t) => Nullable.GetUnderlyingType(t) is { } u ? TypeName(u) + "?" : t switch
    {
        _ when t == typeof(int) => "int", _ when t == typeof(double) => "double", _ when t == typeof(float) => "float",
        _ when t == typeof(long) => "long", _ when t == typeof(bool) => "bool", _ when t == typeof(string) => "string",
        _ when t.IsArray => TypeName(t.GetElementType()!) + "[]", _ => t.Name,
    };

    /// <summary>Python's repr of a parameter value: <c>None</c>, <c>'text'</c>, <c>True</c>, <c>0.001</c>, <c>[8]</c>.</summary>
    public static string Py(object? v) => v switch
    {
        null => "None",
        string s => $"'{s}'",
        bool b => b ? "True" : "False",
        double d => PyFloat(d),
        float f => PyFloat(f),
        IFormattable n => n.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable e => $"[{string.Join(", ", e.Cast<object?>().Select(Py))}]",
        _ => v.ToString() ?? "",
    };

    /// <summary>Python's float repr: the shortest round-trip digits, fixed from 1e-4 to 1e16 (with <c>.0</c> on whole numbers), else <c>1.5e-05</c>.</summary>
    public static string PyFloat(double d)
    {
        if (double.IsNaN(d)) return "nan";
        if (double.IsInfinity(d)) return d > 0 ? "inf" : "-inf";
        if (d == 0) return double.IsNegative(d) ? "-0.0" : "0.0";
        var r = d.ToString("R", CultureInfo.InvariantCulture);
        string sign = r.StartsWith('-') ? "-" : "", s = r.TrimStart('-');
        int e = 0, ei = s.IndexOf('E');
        if (ei >= 0) { e = int.Parse(s[(ei + 1)..], CultureInfo.InvariantCulture); s = s[..ei]; }
        int dot = s.IndexOf('.');
        string whole = dot < 0 ? s : s[..dot], all = whole + (dot < 0 ? "" : s[(dot + 1)..]);
        int lead = all.Length - all.TrimStart('0').Length, exp10 = whole.Length - lead - 1 + e;
        string digits = all.Trim('0');
        if (exp10 is >= -4 and < 16)
        {
            if (exp10 < 0) return $"{sign}0.{new string('0', -exp10 - 1)}{digits}";
            var intDigits = digits.PadRight(exp10 + 1, '0');
            var frac = digits.Length > exp10 + 1 ? digits[(exp10 + 1)..] : "0";
            return $"{sign}{intDigits[..(exp10 + 1)]}.{frac}";
        }
        return $"{sign}{digits[0]}{(digits.Length > 1 ? "." + digits[1..] : "")}e{(exp10 < 0 ? "-" : "+")}{Math.Abs(exp10):00}";
    }
}
