using System.Text;
using NotebookNN.Models;

namespace NotebookNN.Formatting;

/// <summary>
/// Keras's <c>model.summary()</c> as an HTML table: the model name as caption, Keras's columns (<c>Layer (type)</c>,
/// <c>Output Shape</c>, <c>Param #</c>, and <c>Connected to</c> for graphs), one row per layer, and the totals
/// (<c>Total params</c>, <c>Trainable params</c>, <c>Non-trainable params</c>) in the footer.
/// </summary>
internal static class SummaryHtml
{
    public static string Render(ModelSummary s)
    {
        var sb = new StringBuilder(Html.TableStyle);
        sb.Append("<table class=\"nnn nnn-summary\"><caption>Model: \"").Append(Html.Escape(s.ModelName)).Append("\"</caption><thead>");
        string[] head = s.SequentialLike ? ["Layer (type)", "Output Shape", "Param #"] : ["Layer (type)", "Output Shape", "Param #", "Connected to"];
        sb.Append("<tr>");
        for (int i = 0; i < head.Length; i++) sb.Append(i is 0 or 3 ? "<th class=\"l\">" : "<th>").Append(Html.Escape(head[i])).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        foreach (var r in s.Rows)
        {
            sb.Append("<tr><td class=\"l\">").Append(Html.Escape($"{r.Name} ({r.TypeName})")).Append("</td><td>")
              .Append(Html.Escape(r.OutputShape)).Append("</td><td>").Append(Html.Count(r.ParamCount)).Append("</td>");
            if (!s.SequentialLike) sb.Append("<td class=\"l\">").Append(Html.Escape(string.Join(", ", r.ConnectedTo ?? []))).Append("</td>");
            sb.Append("</tr>");
        }
        sb.Append("</tbody><tfoot>");
        Total(sb, head.Length, "Total params", s.TotalParams);
        Total(sb, head.Length, "Trainable params", s.TrainableParams);
        Total(sb, head.Length, "Non-trainable params", s.NonTrainableParams);
        return sb.Append("</tfoot></table>").ToString();
    }

    /// <summary>A model shows its summary, or Keras's "not yet built" message.</summary>
    public static string Render(Model m) => TrySummary(m) is { } s ? Render(s) : $"<pre>{Html.Escape(NotBuilt(m))}</pre>";

    /// <summary>The model's summary text, or Keras's "not yet built" message.</summary>
    public static string PlainText(Model m) => TrySummary(m)?.ToString() ?? NotBuilt(m);

    private static ModelSummary? TrySummary(Model m)
    {
        try { return m.Summary(); }
        catch (InvalidOperationException) { return null; }
    }

    private static string NotBuilt(Model m)
    {
        try { m.Summary(); return ""; }
        catch (InvalidOperationException e) { return e.Message; }
    }

    private static void Total(StringBuilder sb, int span, string label, long n) =>
        sb.Append("<tr><td class=\"l\" colspan=\"").Append(span - 1).Append("\">").Append(label)
          .Append(":</td><td>").Append(Html.Count(n)).Append("</td></tr>");
}
