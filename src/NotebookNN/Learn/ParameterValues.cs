using System.Collections;
using System.Globalization;
using NotebookNN.Text;

namespace NotebookNN.Learn;

/// <summary>Parameter values of estimators and searches, converted to the type a parameter declares (printed with <see cref="PythonText.Repr"/>).</summary>
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
        throw new ArgumentException($"Parameter '{name}' expects {TypeName(target)}; received {PythonText.Repr(value)} ({TypeName(value.GetType())}).");
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
}
