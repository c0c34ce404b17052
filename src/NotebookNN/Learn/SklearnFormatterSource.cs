using NotebookNN.Formatting;

namespace NotebookNN.Learn;

/// <summary>Notebook formatters of the scikit-learn results (cross-validation scores, search parameters and results).</summary>
public sealed class SklearnFormatterSource
{
    /// <summary>All formatters, each answering only for its own type.</summary>
    public IEnumerable<object> CreateTypeFormatters() =>
    [
        new NotebookFormatter<CrossValidateResult>("text/html", r => r.ToHtml()),
        new NotebookFormatter<CrossValidateResult>("text/plain", r => r.ToString()),
        new NotebookFormatter<SearchParams>("text/html", p => p.ToHtml()),
        new NotebookFormatter<SearchParams>("text/plain", p => p.ToString()),
        new NotebookFormatter<SearchResults>("text/html", r => r.ToHtml()),
        new NotebookFormatter<SearchResults>("text/plain", r => r.ToString()),
    ];
}
