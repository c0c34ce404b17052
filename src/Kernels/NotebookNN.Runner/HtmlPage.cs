using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.DotNet.Interactive.Documents;

namespace NotebookNN.Runner;

/// <summary>
/// One self-contained HTML page of an executed notebook: markdown rendered, code with its outputs (HTML outputs
/// inline, text in &lt;pre&gt;). When outputs hold Plotly charts, plotly.js is embedded once in the head if the
/// session loaded Plotly.NET (it carries the script), so the page needs no network.
/// </summary>
public static class HtmlPage
{
    public static string Render(InteractiveDocument nb, string title)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").Append(WebUtility.HtmlEncode(title)).Append("</title>\n<style>")
          .Append("body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}")
          .Append(".cell{margin:1em 0}.src{background:#f6f8fa;border:1px solid #ddd;border-radius:4px;padding:.6em;overflow:auto}")
          .Append(".count{color:#888;font:12px monospace}.out{padding:.4em .6em;overflow:auto}.err{color:#b00020;background:#fff0f0}")
          .Append("pre{margin:0;white-space:pre-wrap}</style>\n");
        if (nb.Elements.Any(c => c.Outputs.Any(o => Data(o)?.Values.Any(v => Text(v).Contains("newPlot")) == true)) && PlotlyScript() is { } js)
            sb.Append("<script>").Append(js.Replace("</script", "<\\/script")).Append("</script>\n");
        sb.Append("</head><body>\n");
        foreach (var cell in nb.Elements)
        {
            sb.Append("<div class=\"cell\">");
            if (cell.KernelName == "markdown") sb.Append(Markdown(cell.Contents));
            else
            {
                sb.Append("<div class=\"count\">[").Append(cell.ExecutionOrder > 0 ? cell.ExecutionOrder.ToString(CultureInfo.InvariantCulture) : " ").Append("]</div><pre class=\"src\">")
                  .Append(WebUtility.HtmlEncode(cell.Contents)).Append("</pre>");
                foreach (var o in cell.Outputs) sb.Append(Output(o));
            }
            sb.Append("</div>\n");
        }
        return sb.Append("</body></html>\n").ToString();
    }

    /// <summary>A MIME value as the kernel gives it (a string) or as a notebook file holds it (a list of lines).</summary>
    private static string Text(object? value) => value switch
    {
        string s => s,
        IEnumerable<object> lines => string.Concat(lines),
        _ => ""
    };

    /// <summary>The MIME bundle of a display or a result (null for streams and errors).</summary>
    private static IDictionary<string, object>? Data(InteractiveDocumentOutputElement o) => o switch
    {
        DisplayElement d => d.Data,
        ReturnValueElement r => r.Data,
        _ => null
    };

    private static string Output(InteractiveDocumentOutputElement o)
    {
        if (o is TextElement t) return $"<div class=\"out{(t.Name == "stderr" ? " err" : "")}\"><pre>{WebUtility.HtmlEncode(t.Text)}</pre></div>";
        if (o is ErrorElement e)
            return $"<div class=\"out err\"><pre>{WebUtility.HtmlEncode(string.Join("\n", e.StackTrace.Length > 0 ? e.StackTrace : [$"{e.ErrorName}: {e.ErrorValue}"]))}</pre></div>";
        if (Data(o) is not { } data) return "";
        if (data.TryGetValue("text/html", out var html)) return $"<div class=\"out\">{Text(html)}</div>";
        if (data.TryGetValue("text/markdown", out var md)) return $"<div class=\"out\">{Markdown(Text(md))}</div>";
        return $"<div class=\"out\"><pre>{WebUtility.HtmlEncode(Text(data.TryGetValue("text/plain", out var plain) ? plain : null))}</pre></div>";
    }

    /// <summary>plotly.js from the loaded Plotly.NET assembly's resources, if the session loaded it.</summary>
    private static string? PlotlyScript()
    {
        var asm = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == "Plotly.NET");
        var name = asm?.GetManifestResourceNames().FirstOrDefault(n => n.Contains("plotly", StringComparison.OrdinalIgnoreCase) && n.EndsWith(".js"));
        if (name is null) return null;
        using var s = asm!.GetManifestResourceStream(name)!;
        return new StreamReader(s).ReadToEnd();
    }

    /// <summary>A small markdown subset: headings, lists, paragraphs, fenced code, inline code, bold, italics, links.</summary>
    internal static string Markdown(string md)
    {
        var sb = new StringBuilder();
        bool inList = false, inCode = false;
        var para = new List<string>();
        void FlushPara() { if (para.Count > 0) sb.Append("<p>").Append(Inline(string.Join(" ", para))).Append("</p>\n"); para.Clear(); }
        void CloseList() { if (inList) sb.Append("</ul>\n"); inList = false; }
        foreach (var raw in md.Replace("\r\n", "\n").Split('\n'))
        {
            if (raw.TrimStart().StartsWith("```")) { FlushPara(); CloseList(); sb.Append(inCode ? "</pre>\n" : "<pre class=\"src\">"); inCode = !inCode; continue; }
            if (inCode) { sb.Append(WebUtility.HtmlEncode(raw)).Append('\n'); continue; }
            var h = Regex.Match(raw, @"^(#{1,6})\s+(.*)$");
            var li = Regex.Match(raw, @"^\s*(?:[-*]|\d+\.)\s+(.*)$");
            if (h.Success) { FlushPara(); CloseList(); int n = h.Groups[1].Length; sb.Append($"<h{n}>{Inline(h.Groups[2].Value)}</h{n}>\n"); }
            else if (li.Success) { FlushPara(); if (!inList) sb.Append("<ul>"); inList = true; sb.Append("<li>").Append(Inline(li.Groups[1].Value)).Append("</li>"); }
            else if (raw.Trim().Length == 0) { FlushPara(); CloseList(); }
            else para.Add(raw.Trim());
        }
        FlushPara(); CloseList();
        if (inCode) sb.Append("</pre>");
        return sb.ToString();
    }

    private static string Inline(string s)
    {
        s = WebUtility.HtmlEncode(s);
        s = Regex.Replace(s, @"`([^`]+)`", "<code>$1</code>");
        s = Regex.Replace(s, @"\*\*([^*]+)\*\*", "<b>$1</b>");
        s = Regex.Replace(s, @"(?<![\w*])\*([^*]+)\*(?![\w*])", "<i>$1</i>");
        return Regex.Replace(s, @"\[([^\]]+)\]\(([^)\s]+)\)", "<a href=\"$2\">$1</a>");
    }
}
