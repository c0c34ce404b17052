using System.Text;
using NotebookNN.Models;
using NotebookNN.Text;

namespace NotebookNN.Formatting;

/// <summary>An <see cref="EvaluationResult"/> in a notebook: one row of values under their names (loss, then each
/// metric), as Keras's progress bar writes them (<c>%.4f</c> with Python's rounding).</summary>
internal static class EvaluationHtml
{
    public static string Render(EvaluationResult r)
    {
        var sb = new StringBuilder(Html.TableStyle).Append("<table class=\"nnn nnn-evaluation\"><thead>");
        Html.Row(sb, "th", [.. r.Keys]);
        sb.Append("</thead><tbody>");
        Html.Row(sb, "td", [.. r.Values.Select(v => PythonText.ProgbarValue(v))]);
        return sb.Append("</tbody></table>").ToString();
    }
}
