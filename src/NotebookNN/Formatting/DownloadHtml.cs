using NotebookNN.Datasets.Download;

namespace NotebookNN.Formatting;

/// <summary>A <see cref="DownloadView"/> as HTML: the address, then a <c>&lt;progress&gt;</c> bar (when the size is known) and Keras's bar text.</summary>
internal static class DownloadHtml
{
    public static string Render(DownloadView v) =>
        "<div class=\"nnn-download\" style=\"font-family:monospace;font-size:12px\"><div>Downloading data from " + Html.Escape(v.Url) + "</div>"
        + (v.Bar.Length == 0 ? "" : "<div>" + (v.Percent is { } p ? LiveViewHtml.ProgressElement(p, 100) : "") + Html.Escape(v.Bar) + "</div>")
        + "</div>";
}
