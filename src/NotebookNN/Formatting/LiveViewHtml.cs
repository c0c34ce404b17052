using System.Text;
using NotebookNN.Text;
using NotebookNN.Display;

namespace NotebookNN.Formatting;

/// <summary>
/// A <see cref="LiveView"/> as HTML: the running bar (a <c>&lt;progress&gt;</c> element, then the count, ETA and
/// values) after its epoch header, the last finished epoch in grey, the table of finished epochs (scrolling past
/// <see cref="ScrollRows"/> rows) and an interruption's message in red.
/// </summary>
internal static class LiveViewHtml
{
    /// <summary>Epoch tables longer than this scroll.</summary>
    private const int ScrollRows = 15;

    public static string Render(LiveView v)
    {
        var sb = new StringBuilder("<div class=\"nnn-progress\" style=\"font-family:monospace;font-size:12px\">");
        if (v.Bar is { } bar)
        {
            string barHtml = ProgressElement(bar.Step, bar.Steps) + Html.Escape(v.BarLabel);
            if (v.Header is { } header) sb.Append("<div>").Append(Html.Escape(header)).Append(' ').Append(barHtml).Append("</div>");
            else sb.Append(barHtml);
        }
        if (v.Previous is { } line) sb.Append("<div style=\"color:#666\">").Append(Html.Escape(line)).Append("</div>");
        if (v.Epochs.Count > 0) AppendTable(sb, v.Epochs, v.EpochCount);
        if (v.Message is { } message) sb.Append("<div style=\"color:#b00020\">").Append(Html.Escape(message)).Append("</div>");
        return sb.Append("</div>").ToString();
    }

    /// <summary>An HTML bar at <paramref name="step"/> of <paramref name="steps"/>, followed by a space.</summary>
    internal static string ProgressElement(int step, int steps) =>
        Invariant($"<progress max=\"{Math.Max(steps, 1)}\" value=\"{step}\" style=\"width:240px;vertical-align:middle\"></progress> ");

    /// <summary>Every finished epoch: its time and values, one column per log key.</summary>
    private static void AppendTable(StringBuilder sb, IReadOnlyList<EpochRecord> done, int epochs)
    {
        var keys = done.SelectMany(d => d.Logs.Select(kv => kv.Key)).Distinct().ToList();
        sb.Append(Html.TableStyle);
        if (done.Count > ScrollRows) sb.Append("<div style=\"max-height:24em;overflow-y:auto;display:inline-block\">");
        sb.Append("<table class=\"nnn nnn-epochs\"><thead>");
        Html.Row(sb, "th", ["Epoch", "Time", .. keys]);
        sb.Append("</thead><tbody>");
        foreach (var (e, s, l) in done)
        {
            var values = l.ToDictionary(kv => kv.Key, kv => kv.Value);
            Html.Row(sb, "td", [$"{e}/{epochs}", LiveProgress.Seconds(s), .. keys.Select(k => values.TryGetValue(k, out var v) ? PythonText.ProgbarValue(v) : "")]);
        }
        sb.Append("</tbody></table>");
        if (done.Count > ScrollRows) sb.Append("</div>");
    }
}
