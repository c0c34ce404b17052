using System.Globalization;
using System.Text;

namespace NotebookNN.Formatting;

/// <summary>An <see cref="EvaluationResult"/> in a notebook: one row of values under their names (loss, then each
/// metric), to four decimals as Keras's progress bar shows them.</summary>
internal static class EvaluationHtml
{
    public static string Render(EvaluationResult r)
    {
        var sb = new StringBuilder(Html.TableStyle).Append("<table class=\"nnn nnn-evaluation\"><thead>");
        Html.Row(sb, "th", [.. r.Keys]);
        sb.Append("</thead><tbody>");
        Html.Row(sb, "td", [.. r.Values.Select(v => v.ToString("0.0000", CultureInfo.InvariantCulture))]);
        return sb.Append("</tbody></table>").ToString();
    }
}
