using System.Text;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace NotebookNN.Runner;

/// <summary>
/// The outputs of one running cell, built from the kernel's events in the order they come: stdout/stderr text merges
/// into stream outputs; each display keeps one output that <see cref="DisplayedValueUpdated"/> with its id replaces in
/// place (live progress collapses to its final state; the id is kept in the output's metadata as <c>display_id</c>);
/// a return value is the execute_result (none when it is a <see cref="DisplayedValue"/>, which is already shown).
/// </summary>
public sealed class CellOutputs(int executionCount)
{
    private readonly List<object> _items = new();   // Stream or InteractiveDocumentOutputElement
    private readonly Dictionary<string, int> _displays = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    private sealed class Stream(string name) { public readonly string Name = name; public readonly StringBuilder Text = new(); }

    /// <summary>Adds what one kernel event shows (other events show nothing).</summary>
    public void Add(KernelEvent e)
    {
        lock (_gate)
        {
            switch (e)
            {
                case StandardOutputValueProduced o: Write("stdout", Plain(o)); break;
                case StandardErrorValueProduced o: Write("stderr", Plain(o)); break;
                case ReturnValueProduced { Value: DisplayedValue }: break;
                case ReturnValueProduced r:
                    var result = new ReturnValueElement { ExecutionOrder = executionCount };
                    foreach (var v in r.FormattedValues) result.Data[v.MimeType] = v.Value;
                    _items.Add(result);
                    break;
                case DisplayEvent d and (DisplayedValueProduced or DisplayedValueUpdated): Display(d); break;
                case ErrorProduced error: _items.Add(new ErrorElement(error.Message, "Error")); break;
            }
        }
    }

    /// <summary>Adds the error a failed cell ends with.</summary>
    public void Fail(string name, string message, IEnumerable<string> traceback)
    {
        lock (_gate) _items.Add(new ErrorElement(message, name, [.. traceback]));
    }

    /// <summary>The nbformat outputs so far (streams with redrawn lines collapsed as a terminal shows them).</summary>
    public List<InteractiveDocumentOutputElement> ToElements()
    {
        lock (_gate)
            return _items.Select(i => i is Stream s ? new TextElement(CollapseCarriageReturns(s.Text.ToString()), s.Name) : (InteractiveDocumentOutputElement)i).ToList();
    }

    private static string Plain(DisplayEvent e) =>
        e.FormattedValues.FirstOrDefault(v => v.MimeType == "text/plain")?.Value ?? e.FormattedValues.FirstOrDefault()?.Value ?? "";

    private void Write(string stream, string text)
    {
        if (text.Length == 0) return;
        if (_items.Count == 0 || _items[^1] is not Stream s || s.Name != stream) _items.Add(s = new Stream(stream));
        s.Text.Append(text);
    }

    private void Display(DisplayEvent d)
    {
        var shown = new DisplayElement(d.FormattedValues.ToDictionary(v => v.MimeType, v => (object)v.Value));
        if (d.ValueId is not { } id) { _items.Add(shown); return; }
        shown.Metadata["display_id"] = id;
        if (_displays.TryGetValue(id, out int at)) _items[at] = shown;
        else { _displays[id] = _items.Count; _items.Add(shown); }
    }

    /// <summary>What a terminal shows of text that redraws a line with carriage returns (a text progress bar).</summary>
    public static string CollapseCarriageReturns(string text)
    {
        if (!text.Contains('\r')) return text;
        var lines = text.Replace("\r\n", "\n").Split('\n').Select(l => l.Contains('\r') ? l[(l.TrimEnd('\r').LastIndexOf('\r') + 1)..].TrimEnd('\r') : l);
        return string.Join("\n", lines);
    }
}
