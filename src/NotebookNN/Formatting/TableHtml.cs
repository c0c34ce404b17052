using System.Text;

namespace NotebookNN.Formatting;

/// <summary>
/// A plain HTML table in NotebookNN's style, for report-like types (a classification report, tuner results): an
/// optional caption, a header row, and rows whose first cell is left-aligned as a row label; every cell is escaped.
/// </summary>
public static class TableHtml
{
    /// <summary>The table's HTML.</summary>
    /// <param name="caption">Caption above the table, or null.</param>
    /// <param name="header">Column titles.</param>
    /// <param name="rows">Cells, row by row; rows may be shorter than the header (e.g. sklearn's accuracy row).</param>
    /// <param name="textColumns">Columns of text rather than numbers, left-aligned (the first always is).</param>
    public static string Render(string? caption, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<int>? textColumns = null)
    {
        bool Left(int i) => textColumns?.Contains(i) == true;
        var sb = new StringBuilder(Html.TableStyle).Append("<table class=\"nnn\">");
        if (caption is not null) sb.Append("<caption>").Append(Html.Escape(caption)).Append("</caption>");
        sb.Append("<thead><tr>");
        for (int i = 0; i < header.Count; i++) sb.Append(Left(i) ? "<th class=\"l\">" : "<th>").Append(Html.Escape(header[i])).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        foreach (var r in rows)
        {
            sb.Append("<tr>");
            for (int i = 0; i < r.Count; i++)
                sb.Append(i == 0 ? "<th class=\"l\">" : Left(i) ? "<td class=\"l\">" : "<td>").Append(Html.Escape(r[i])).Append(i == 0 ? "</th>" : "</td>");
            if (r.Count < header.Count) sb.Append("<td colspan=\"").Append(header.Count - r.Count).Append("\"></td>");
            sb.Append("</tr>");
        }
        return sb.Append("</tbody></table>").ToString();
    }
}
