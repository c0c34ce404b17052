using NotebookNN.Datasets.Download;
using NotebookNN.Images;
using NotebookNN.Plotting;
using NotebookNN.Layers;
using NotebookNN.Learn;
using NotebookNN.Models;
using NotebookNN.Tensors;
using NotebookNN.Tuning;
using NotebookNN.Display;

namespace NotebookNN.Formatting;

/// <summary>
/// The formatters of NotebookNN's types, found by the kernel through <see cref="TypeFormatterSourceAttribute"/>:
/// HTML tables, charts and images for notebooks, and Keras's / numpy's own text for <c>text/plain</c>.
/// </summary>
public sealed class NotebookFormatterSource
{
    /// <summary>
    /// The types that have formatters here. The kernel's convention-based lookup does not read the attribute's
    /// preferred MIME types, so the package's extension names these types to the kernel as shown in both
    /// <c>text/html</c> and <c>text/plain</c>.
    /// </summary>
    public static IReadOnlyList<Type> FormattedTypes { get; } =
        [.. new NotebookFormatterSource().CreateTypeFormatters().Select(f => f.Type).Distinct()];

    /// <summary>All formatters, each answering only for its own type.</summary>
    public IEnumerable<INotebookFormatter> CreateTypeFormatters() =>
    [
        new NotebookFormatter<Tensor>("text/html", TensorHtml.Render),
        new NotebookFormatter<Tensor>("text/plain", t => t.ToString()),
        new NotebookFormatter<ModelSummary>("text/html", SummaryHtml.Render),
        new NotebookFormatter<ModelSummary>("text/plain", s => s.ToString()),
        new NotebookFormatter<Model>("text/html", SummaryHtml.Render),
        new NotebookFormatter<Model>("text/plain", SummaryHtml.PlainText),
        new NotebookFormatter<NotebookNN.Layers.Layer>("text/html", LayerHtml.Render),
        new NotebookFormatter<NotebookNN.Layers.Layer>("text/plain", LayerHtml.PlainText),
        new NotebookFormatter<KerasTensor>("text/html", k => $"<code>{Html.Escape(k.ToString())}</code>"),
        new NotebookFormatter<KerasTensor>("text/plain", k => k.ToString()),
        new NotebookFormatter<History>("text/html", h => HistoryHtml.Render(h)),
        new NotebookFormatter<History>("text/plain", h => h.ToString()),
        new NotebookFormatter<ImageGrid>("text/html", ImageGridHtml.Render),
        new NotebookFormatter<ImageGrid>("text/plain", g => g.ToString()),
        new NotebookFormatter<PltFigure>("text/html", f => ChartHtml.ToHtml(f.ToChart())),
        new NotebookFormatter<PltFigure>("text/plain", f => ChartText.Describe(f.ToChart())),
        new NotebookFormatter<ClassificationReport>("text/html", ReportHtml.Render),
        new NotebookFormatter<ClassificationReport>("text/plain", r => r.ToString()),
        new NotebookFormatter<HyperParameters>("text/html", HyperParametersHtml.Render),
        new NotebookFormatter<HyperParameters>("text/plain", h => h.ToString()),
        new NotebookFormatter<TrialTable>("text/html", ReportHtml.Render),
        new NotebookFormatter<TrialTable>("text/plain", t => t.ToString()),
        new NotebookFormatter<Shape>("text/html", s => $"<code>{Html.Escape(s.ToString())}</code>"),
        new NotebookFormatter<Shape>("text/plain", s => s.ToString()),
        new NotebookFormatter<DType>("text/html", d => $"<code>{Html.Escape(d.ToString())}</code>"),
        new NotebookFormatter<DType>("text/plain", d => d.ToString()),
        new NotebookFormatter<EvaluationResult>("text/html", EvaluationHtml.Render),
        new NotebookFormatter<EvaluationResult>("text/plain", r => r.ToKerasList()),
        new NotebookFormatter<CrossValidateResult>("text/html", ReportHtml.Render),
        new NotebookFormatter<CrossValidateResult>("text/plain", r => r.ToString()),
        new NotebookFormatter<SearchParams>("text/html", ReportHtml.Render),
        new NotebookFormatter<SearchParams>("text/plain", p => p.ToString()),
        new NotebookFormatter<SearchResults>("text/html", ReportHtml.Render),
        new NotebookFormatter<SearchResults>("text/plain", r => r.ToString()),
        new NotebookFormatter<ConfusionMatrixDisplay>("text/html", HeatmapHtml.Render),
        new NotebookFormatter<ConfusionMatrixDisplay>("text/plain", c => c.ToString()),
        new NotebookFormatter<LiveView>("text/html", LiveViewHtml.Render),
        new NotebookFormatter<LiveView>("text/plain", v => v.Text),
        new NotebookFormatter<DownloadView>("text/html", DownloadHtml.Render),
        new NotebookFormatter<DownloadView>("text/plain", v => v.Text),
        new NotebookFormatter<ModelPlot>("text/html", p => p.Svg),
        new NotebookFormatter<ModelPlot>("text/plain", p => p.Text),
        new NotebookFormatter<ImageDataset>("text/html", d => $"<code>{Html.Escape(d.ToString())}</code>"),
        new NotebookFormatter<ImageDataset>("text/plain", d => d.ToString()),
        new NotebookFormatter<LoadedImage>("text/html", LoadedImageHtml.Render),
        new NotebookFormatter<LoadedImage>("text/plain", i => i.ToString()),
    ];
}
