using System.Text.Json;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;

namespace NotebookNN.Runner;

/// <summary>
/// Reads .ipynb and .dib notebooks and writes executed ones as .ipynb, through Microsoft.DotNet.Interactive.Documents
/// (the reader and writer Polyglot Notebooks uses), keeping the metadata VS Code needs to open them as C#.
/// </summary>
public static class NotebookFile
{
    /// <summary>Polyglot Notebooks' kernels: their names split a .dib into cells and name an .ipynb cell's language.</summary>
    public static KernelInfoCollection PolyglotKernels()
    {
        var kernels = new KernelInfoCollection
        {
            new KernelInfo(KernelHost.CSharp, "C#", ["c#", "C#", "cs"]),
            new KernelInfo("fsharp", "F#", ["f#", "F#"]),
            new KernelInfo("pwsh", "PowerShell", ["powershell"]),
            new KernelInfo("javascript", "JavaScript", ["js"]),
            new KernelInfo("html", "HTML"),
            new KernelInfo("sql", "SQL"),
            new KernelInfo("kql", "KQL"),
            new KernelInfo("mermaid", "Mermaid"),
            new KernelInfo("http", "HTTP"),
            new KernelInfo("value"),
            new KernelInfo("markdown", "Markdown", ["md"]),
        };
        kernels.DefaultKernelName = KernelHost.CSharp;
        return kernels;
    }

    /// <summary>Reads a notebook by its extension; a file that is no notebook throws with the reason.</summary>
    public static InteractiveDocument Load(string path)
    {
        string text = File.ReadAllText(path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".ipynb" => ParseIpynb(text),
            ".dib" => CodeSubmission.Parse(text, PolyglotKernels()),
            var ext => throw new ArgumentException($"Expected a .ipynb or .dib notebook, received '{ext}' ({path}).")
        };
    }

    private static InteractiveDocument ParseIpynb(string json)
    {
        using (var doc = JsonDocument.Parse(json))
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                throw new FormatException($"The .ipynb file is not a JSON object; received {Kind(doc.RootElement.ValueKind)}.");
            if (!doc.RootElement.TryGetProperty("cells", out var cells) || cells.ValueKind != JsonValueKind.Array)
                throw new FormatException($"The .ipynb file has no \"cells\" list (nbformat 4); received {(cells.ValueKind == JsonValueKind.Undefined ? "none" : Kind(cells.ValueKind))}.");
        }
        return Notebook.Parse(json, PolyglotKernels());
    }

    private static string Kind(JsonValueKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>
    /// nbformat 4.5 JSON of an executed notebook: each cell gets an id; the notebook keeps its metadata and gains, where
    /// missing, the kernelspec <c>.net-csharp</c>, <c>language_info</c> and <c>polyglot_notebook</c> kernel info.
    /// </summary>
    public static string ToIpynb(InteractiveDocument document)
    {
        var metadata = document.Metadata;
        if (metadata.Remove("kernelInfo", out var dibKernelInfo) && !metadata.ContainsKey("polyglot_notebook"))
            metadata["polyglot_notebook"] = new Dictionary<string, object> { ["kernelInfo"] = dibKernelInfo };
        if (!metadata.ContainsKey("kernelspec"))
            metadata["kernelspec"] = new Dictionary<string, object> { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" };
        if (!metadata.ContainsKey("language_info"))
            metadata["language_info"] = new Dictionary<string, object> { ["name"] = "polyglot-notebook" };
        if (!metadata.ContainsKey("polyglot_notebook"))
        {
            var kernels = new KernelInfoCollection { new KernelInfo(KernelHost.CSharp) };
            kernels.DefaultKernelName = KernelHost.CSharp;
            metadata["polyglot_notebook"] = new Dictionary<string, object> { ["kernelInfo"] = kernels };
        }
        var ids = document.Elements.Select(e => e.Id).OfType<string>().ToHashSet();
        for (int i = 0; i < document.Elements.Count; i++)
        {
            if (document.Elements[i].Id is not null) continue;
            string id = $"cell-{i + 1}";
            for (int n = 2; !ids.Add(id); n++) id = $"cell-{i + 1}-{n}";
            document.Elements[i].Id = id;
        }
        return document.ToJupyterJson();
    }
}
