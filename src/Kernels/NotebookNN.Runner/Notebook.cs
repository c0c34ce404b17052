using System.Text.Json.Nodes;

namespace NotebookNN.Runner;

/// <summary>One cell: kind ("code"/"markdown"/"raw"), kernel language, source, metadata and (after a run) outputs.</summary>
public sealed class NotebookCell
{
    public string Kind { get; set; } = "code";
    public string Language { get; set; } = "csharp";
    public string Source { get; set; } = "";
    public JsonObject Metadata { get; set; } = new();
    public List<JsonObject> Outputs { get; } = new();
    public int? ExecutionCount { get; set; }

    /// <summary>The cell's tags (<c>metadata.tags</c>).</summary>
    public IEnumerable<string> Tags => Metadata["tags"] is JsonArray a ? a.Select(t => t?.GetValue<string>() ?? "") : [];
}

/// <summary>A notebook read from .ipynb or .dib: its cells and notebook-level metadata.</summary>
public sealed class Notebook
{
    public List<NotebookCell> Cells { get; } = new();
    public JsonObject Metadata { get; set; } = new();

    /// <summary>Reads a notebook by extension (.ipynb or .dib).</summary>
    public static Notebook Load(string path) =>
        Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".ipynb" => IpynbFormat.Parse(File.ReadAllText(path)),
            ".dib" => DibFormat.Parse(File.ReadAllText(path)),
            var ext => throw new ArgumentException($"Expected a .ipynb or .dib notebook, received '{ext}' ({path}).")
        };
}
