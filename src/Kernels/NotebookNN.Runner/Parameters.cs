using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.DotNet.Interactive.Documents;

namespace NotebookNN.Runner;

/// <summary>
/// Papermill-style parameters: after the cell tagged <c>parameters</c> (or first, when none) a cell tagged
/// <c>injected-parameters</c> redeclares each <c>-p name=value</c>, typed from the original declaration (a notebook
/// run before keeps one injected cell: the earlier one is replaced).
/// </summary>
public static class Parameters
{
    private static readonly Regex Declaration = new(@"^\s*(?<type>var|bool|int|long|float|double|string|decimal)\s+(?<name>[A-Za-z_]\w*)\s*=\s*(?<value>[^;]*);", RegexOptions.Multiline);

    public static void Inject(InteractiveDocument nb, IReadOnlyList<KeyValuePair<string, string>> values)
    {
        if (values.Count == 0) return;
        var cells = nb.Elements;
        foreach (var old in cells.Where(c => HasTag(c, "injected-parameters")).ToList()) cells.Remove(old);
        var parameters = cells.FirstOrDefault(c => c.KernelName != "markdown" && HasTag(c, "parameters"));
        var declared = new Dictionary<string, string>();
        if (parameters is not null)
            foreach (Match m in Declaration.Matches(parameters.Contents))
                declared[m.Groups["name"].Value] = m.Groups["type"].Value == "var" ? TypeOfLiteral(m.Groups["value"].Value.Trim()) : m.Groups["type"].Value;
        var lines = values.Select(kv =>
        {
            string type = declared.TryGetValue(kv.Key, out var t) ? t : TypeOfLiteral(kv.Value);
            return $"{type} {kv.Key} = {Literal(type, kv.Key, kv.Value)};";
        });
        var cell = new InteractiveDocumentElement("// Parameters\n" + string.Join("\n", lines), parameters?.KernelName ?? KernelHost.CSharp)
        {
            Metadata = new Dictionary<string, object> { ["tags"] = new object[] { "injected-parameters" } }
        };
        cells.Insert(parameters is null ? 0 : cells.IndexOf(parameters) + 1, cell);
    }

    /// <summary>Whether a cell's <c>metadata.tags</c> holds the tag.</summary>
    public static bool HasTag(InteractiveDocumentElement cell, string tag) =>
        cell.Metadata?.TryGetValue("tags", out var tags) == true && tags is IEnumerable<object> list && list.Contains(tag);

    private static string TypeOfLiteral(string v) =>
        v is "true" or "false" or "True" or "False" ? "bool"
        : v.StartsWith('"') ? "string"
        : Regex.IsMatch(v, @"^-?\d+$") ? "int"
        : Regex.IsMatch(v, @"^-?[\d.eE+-]+[fF]$") ? "float"
        : Regex.IsMatch(v, @"^-?[\d.eE+-]+[dD]?$") ? "double"
        : "string";

    private static string Literal(string type, string name, string v)
    {
        string Bad() => throw new ArgumentException($"Parameter '{name}' is declared {type}; received '{v}'.");
        return type switch
        {
            "bool" => v.ToLowerInvariant() is "true" or "1" ? "true" : v.ToLowerInvariant() is "false" or "0" ? "false" : Bad(),
            "int" or "long" => long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n.ToString(CultureInfo.InvariantCulture) : Bad(),
            "float" or "double" or "decimal" => double.TryParse(v.TrimEnd('f', 'F', 'd', 'D', 'm', 'M'), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                ? d.ToString("R", CultureInfo.InvariantCulture) + (type == "float" ? "f" : type == "decimal" ? "m" : "d") : Bad(),
            _ => v.StartsWith('"') && v.EndsWith('"') && v.Length >= 2 ? v : Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(v, true)
        };
    }
}
