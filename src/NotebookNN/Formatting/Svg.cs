using System.Globalization;

namespace NotebookNN.Formatting;

/// <summary>SVG coordinates: two decimals, invariant culture (text and attributes are escaped with <see cref="Html.Escape"/>, whose output is valid XML).</summary>
internal static class Svg
{
    /// <summary>A coordinate with at most two decimals.</summary>
    public static string Num(double v) => Math.Round(v, 2).ToString("0.##", CultureInfo.InvariantCulture);
}
