using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NotebookNN.Runner;

/// <summary>Polyglot Notebooks' plain-text format: <c>#!meta</c> JSON, then cells introduced by <c>#!kernelname</c>.</summary>
public static class DibFormat
{
    private static readonly Regex Marker = new(@"^#!([A-Za-z][\w\-\.]*)\s*$");

    public static Notebook Parse(string text)
    {
        var nb = new Notebook();
        string? kind = null;
        var body = new StringBuilder();
        void Flush()
        {
            if (kind is null) return;
            string src = body.ToString().Trim('\r', '\n');
            if (kind == "meta") { if (src.Length > 0 && JsonNode.Parse(src) is JsonObject m) nb.Metadata["polyglot_notebook"] = m; }
            else if (src.Length > 0 || kind != "markdown")
                nb.Cells.Add(new NotebookCell { Kind = kind == "markdown" ? "markdown" : "code", Language = kind, Source = src });
            body.Clear();
        }
        foreach (var raw in text.Replace("\r\n", "\n").Split('\n'))
        {
            var m = Marker.Match(raw);
            if (m.Success && IsCellMarker(m.Groups[1].Value)) { Flush(); kind = m.Groups[1].Value; continue; }
            if (kind is null) { if (raw.Trim().Length == 0) continue; kind = "csharp"; }
            body.Append(raw).Append('\n');
        }
        Flush();
        return nb;
    }

    /// <summary>Cell markers are kernel names; <c>#!time</c>-style magics inside a cell are not.</summary>
    private static bool IsCellMarker(string name) => name is "meta" or "markdown" or "csharp" or "fsharp" or "pwsh" or "powershell"
        or "javascript" or "html" or "sql" or "kql" or "mermaid" or "value" or "http" or "python" or "r" or "c#" or "f#";
}
