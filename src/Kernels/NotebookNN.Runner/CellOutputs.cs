using System.Text;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Formatting;

namespace NotebookNN.Runner;

/// <summary>
/// The outputs of the running cell in order: stdout/stderr text merges into stream outputs, displayed values keep
/// a slot that <c>Update</c> replaces (so live updates collapse to their final state), formatted when the cell ends.
/// </summary>
public sealed class CellOutputs
{
    private readonly List<object> _items = new();   // StringBuilder-backed streams or DisplaySlot
    private readonly object _gate = new();

    private sealed class Stream(string name) { public readonly string Name = name; public readonly StringBuilder Text = new(); }
    internal sealed class DisplaySlot(object? value, string[] mimeTypes) { public object? Value = value; public string[] MimeTypes = mimeTypes; }

    public void Write(string stream, string text)
    {
        if (text.Length == 0) return;
        lock (_gate)
        {
            if (_items.Count == 0 || _items[^1] is not Stream s || s.Name != stream) _items.Add(s = new Stream(stream));
            s.Text.Append(text);
        }
    }

    internal DisplaySlot Display(object? value, string[] mimeTypes)
    {
        var slot = new DisplaySlot(value, mimeTypes);
        lock (_gate) _items.Add(slot);
        return slot;
    }

    /// <summary>The nbformat outputs so far; a display becomes display_data with text/html and text/plain.</summary>
    public List<JsonObject> ToJson()
    {
        lock (_gate)
            return _items.Select(i => i switch
            {
                Stream s => new JsonObject { ["output_type"] = "stream", ["name"] = s.Name, ["text"] = IpynbFormat.Lines(CollapseCarriageReturns(s.Text.ToString())) },
                DisplaySlot d => new JsonObject { ["output_type"] = "display_data", ["data"] = MimeBundle(d.Value, d.MimeTypes), ["metadata"] = new JsonObject() },
                _ => throw new InvalidOperationException()
            }).ToList();
    }

    /// <summary>A value formatted through Microsoft.DotNet.Interactive.Formatting: text/html (or the requested types) and text/plain.</summary>
    public static JsonObject MimeBundle(object? value, string[]? mimeTypes = null)
    {
        var data = new JsonObject();
        var types = mimeTypes is { Length: > 0 } ? mimeTypes : ["text/html"];
        foreach (var t in types.Append("text/plain").Distinct())
        {
            string text = value is null ? "<null>" : value is string s && t == "text/plain" ? s : value.ToDisplayString(t);
            data[t] = IpynbFormat.Lines(text);
        }
        return data;
    }

    /// <summary>What a terminal shows of text that redraws a line with carriage returns (a text progress bar).</summary>
    public static string CollapseCarriageReturns(string text)
    {
        if (!text.Contains('\r')) return text;
        var lines = text.Replace("\r\n", "\n").Split('\n').Select(l => l.Contains('\r') ? l[(l.TrimEnd('\r').LastIndexOf('\r') + 1)..].TrimEnd('\r') : l);
        return string.Join("\n", lines);
    }
}

/// <summary>A TextWriter that forwards to the current cell's outputs (Console.Out / Console.Error while a cell runs).</summary>
public sealed class CellWriter(string stream) : TextWriter
{
    public static CellOutputs? Current { get; set; }
    public override Encoding Encoding => Encoding.UTF8;
    public override void Write(char value) => Current?.Write(stream, value.ToString());
    public override void Write(string? value) => Current?.Write(stream, value ?? "");
    public override void Write(char[] buffer, int index, int count) => Current?.Write(stream, new string(buffer, index, count));
    public override void WriteLine(string? value) => Current?.Write(stream, (value ?? "") + "\n");
}
