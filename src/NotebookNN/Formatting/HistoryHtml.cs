using NotebookNN.Plotting;
using NotebookNN.Models;

namespace NotebookNN.Formatting;

/// <summary>A <see cref="History"/> in a notebook: its training curves (<see cref="HistoryPlot"/>), or its text when empty.</summary>
internal static class HistoryHtml
{
    public static string Render(History h) => h.Epoch.Count == 0 || h.History.Count == 0
        ? $"<pre>{Html.Escape(h.ToString())}</pre>"
        : ChartHtml.ToHtml(h.Plot());
}
