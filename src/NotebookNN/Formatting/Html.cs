using System.Globalization;
using System.Net;
using System.Text;

namespace NotebookNN.Formatting;

/// <summary>Small HTML helpers shared by the formatters.</summary>
internal static class Html
{
    /// <summary>Escapes text for element content and double-quoted attributes.</summary>
    public static string Escape(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>Keras's thousands-separated count, e.g. <c>266,610</c>.</summary>
    public static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A row of cells, escaped; <paramref name="cell"/> is <c>td</c> or <c>th</c>.</summary>
    public static void Row(StringBuilder sb, string cell, IEnumerable<string> values, string? cls = null)
    {
        sb.Append(cls is null ? "<tr>" : $"<tr class=\"{cls}\">");
        foreach (var v in values) sb.Append('<').Append(cell).Append('>').Append(Escape(v)).Append("</").Append(cell).Append('>');
        sb.Append("</tr>");
    }

    /// <summary>Shared look of NotebookNN's tables (scoped by the <c>nnn</c> class).</summary>
    public const string TableStyle =
        "<style>table.nnn{border-collapse:collapse;font-family:monospace;font-size:12px;margin:4px 0}" +
        "table.nnn th,table.nnn td{padding:2px 10px;border-bottom:1px solid #ddd;text-align:right}" +
        "table.nnn th{background:#f4f4f4}table.nnn td.l,table.nnn th.l{text-align:left}" +
        "table.nnn caption{text-align:left;font-weight:bold;padding:2px 0}</style>";
}
