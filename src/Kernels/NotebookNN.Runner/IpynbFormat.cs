using System.Text.Json;
using System.Text.Json.Nodes;

namespace NotebookNN.Runner;

/// <summary>Reads and writes nbformat 4 notebooks, keeping the Polyglot Notebooks metadata.</summary>
public static class IpynbFormat
{
    public static Notebook Parse(string json)
    {
        var root = JsonNode.Parse(json) as JsonObject ?? throw new FormatException("The .ipynb file is not a JSON object.");
        var nb = new Notebook { Metadata = root["metadata"]?.DeepClone() as JsonObject ?? new JsonObject() };
        string defaultLanguage = nb.Metadata["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"]?.GetValue<string>() ?? "csharp";
        var cells = root["cells"] as JsonArray
            ?? throw new FormatException($"The .ipynb file has no \"cells\" list (nbformat 4); received {(root["cells"] is null ? "none" : root["cells"]!.GetValueKind().ToString().ToLowerInvariant())}.");
        foreach (var node in cells)
        {
            if (node is not JsonObject c) continue;
            var meta = c["metadata"]?.DeepClone() as JsonObject ?? new JsonObject();
            string kind = c["cell_type"]?.GetValue<string>() ?? "code";
            string language = meta["polyglot_notebook"]?["kernelName"]?.GetValue<string>()
                ?? meta["dotnet_interactive"]?["language"]?.GetValue<string>() ?? defaultLanguage;
            string source = JoinSource(c["source"]);
            // Older Polyglot/.NET Interactive notebooks name the kernel in a first "#!csharp" (or "#!fsharp", ...) line.
            var magic = System.Text.RegularExpressions.Regex.Match(source, @"^#!(?<k>[A-Za-z#\-]+)[ \t]*\r?\n?");
            if (kind == "code" && magic.Success && magic.Groups["k"].Value is not ("r" or "i"))
            {
                language = magic.Groups["k"].Value switch { "c#" => "csharp", "f#" => "fsharp", var k => k };
                source = source[magic.Length..];
            }
            nb.Cells.Add(new NotebookCell { Kind = kind, Language = kind == "code" ? language : kind, Source = source, Metadata = meta });
        }
        return nb;
    }

    private static string JoinSource(JsonNode? source) => source switch
    {
        JsonArray a => string.Concat(a.Select(s => s?.GetValue<string>())),
        JsonValue v => v.GetValue<string>(),
        _ => ""
    };

    /// <summary>Splits text into nbformat's list of lines (each keeps its newline).</summary>
    public static JsonArray Lines(string text)
    {
        var arr = new JsonArray();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
            if (text[i] == '\n') { arr.Add(text[start..(i + 1)]); start = i + 1; }
        if (start < text.Length) arr.Add(text[start..]);
        return arr;
    }

    public static string Write(Notebook nb)
    {
        var meta = (JsonObject)nb.Metadata.DeepClone();
        meta["kernelspec"] ??= new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" };
        meta["language_info"] ??= new JsonObject { ["name"] = "polyglot-notebook" };
        meta["polyglot_notebook"] ??= new JsonObject
        {
            ["kernelInfo"] = new JsonObject
            {
                ["defaultKernelName"] = "csharp",
                ["items"] = new JsonArray(new JsonObject { ["aliases"] = new JsonArray(), ["name"] = "csharp" })
            }
        };
        var cells = new JsonArray();
        foreach (var c in nb.Cells)
        {
            var cellMeta = (JsonObject)c.Metadata.DeepClone();
            var o = new JsonObject { ["cell_type"] = c.Kind, ["metadata"] = cellMeta, ["source"] = Lines(c.Source) };
            if (c.Kind == "code")
            {
                if (cellMeta["polyglot_notebook"] is null && cellMeta["dotnet_interactive"] is null)
                    cellMeta["polyglot_notebook"] = new JsonObject { ["kernelName"] = c.Language };
                o["execution_count"] = c.ExecutionCount;
                o["outputs"] = new JsonArray(c.Outputs.Select(x => (JsonNode)x.DeepClone()).ToArray());
            }
            cells.Add(o);
        }
        var root = new JsonObject { ["cells"] = cells, ["metadata"] = meta, ["nbformat"] = 4, ["nbformat_minor"] = 5 };
        for (int i = 0; i < cells.Count; i++) ((JsonObject)cells[i]!)["id"] = $"cell-{i + 1}";
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
