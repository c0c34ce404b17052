using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NotebookNN.Runner;

/// <summary>
/// Papermill-style parameters: after the cell tagged <c>parameters</c> (or first, when none) a cell tagged
/// <c>injected-parameters</c> redeclares each <c>-p name=value</c>, typed from the original declaration.
/// </summary>
public static class Parameters
{
    private static readonly Regex Declaration = new(@"^\s*(?<type>var|bool|int|long|float|double|string|decimal)\s+(?<name>[A-Za-z_]\w*)\s*=\s*(?<value>[^;]*);", RegexOptions.Multiline);

    public static void Inject(Notebook nb, IReadOnlyList<KeyValuePair<string, string>> values)
    {
        if (values.Count == 0) return;
        int at = nb.Cells.FindIndex(c => c.Kind == "code" && c.Tags.Contains("parameters"));
        var declared = new Dictionary<string, string>();
        if (at >= 0)
            foreach (Match m in Declaration.Matches(nb.Cells[at].Source))
                declared[m.Groups["name"].Value] = m.Groups["type"].Value == "var" ? TypeOfLiteral(m.Groups["value"].Value.Trim()) : m.Groups["type"].Value;
        var lines = values.Select(kv =>
        {
            string type = declared.TryGetValue(kv.Key, out var t) ? t : TypeOfLiteral(kv.Value);
            return $"{type} {kv.Key} = {Literal(type, kv.Key, kv.Value)};";
        });
        var cell = new NotebookCell
        {
            Kind = "code", Language = "csharp",
            Source = "// Parameters\n" + string.Join("\n", lines),
            Metadata = new JsonObject { ["tags"] = new JsonArray("injected-parameters") }
        };
        nb.Cells.Insert(at + 1, cell);
    }

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
