using System.Globalization;
using NotebookNN.Learn;
using NotebookNN.Text;
using NotebookNN.Tuning;

namespace NotebookNN.Formatting;

/// <summary>
/// The report-like results as HTML tables in NotebookNN's style (<see cref="TableHtml"/>): scikit-learn's
/// classification report, cross-validation scores, search parameters and results, and a tuner's trials.
/// </summary>
internal static class ReportHtml
{
    /// <summary>scikit-learn's order: the classes, accuracy, then the averages.</summary>
    public static string Render(ClassificationReport r)
    {
        string F(double v) => PythonText.Fixed(v, r.Digits);
        IReadOnlyList<string> Row(ClassificationReportRow c) => [c.Name, F(c.Precision), F(c.Recall), F(c.F1Score), c.Support.ToString(CultureInfo.InvariantCulture)];
        var rows = r.Classes.Select(Row).ToList();
        if (r.Accuracy is { } a) rows.Add(["accuracy", "", "", F(a), r.Classes.Sum(c => c.Support).ToString(CultureInfo.InvariantCulture)]);
        rows.AddRange(r.Averages.Select(Row));
        return TableHtml.Render(null, ["", "precision", "recall", "f1-score", "support"], rows);
    }

    /// <summary>A row per fold and a column per key, then the mean of each column.</summary>
    public static string Render(CrossValidateResult r)
    {
        var keys = r.Keys.ToArray();
        var rows = Enumerable.Range(0, r.TestScore.Length).Select(f => (IReadOnlyList<string>)[f.ToString(CultureInfo.InvariantCulture),
            .. keys.Select(k => r[k][f].ToString("G6", CultureInfo.InvariantCulture))]);
        IReadOnlyList<string> mean = ["mean", .. keys.Select(k => r[k].Average().ToString("G6", CultureInfo.InvariantCulture))];
        return TableHtml.Render(null, ["fold", .. keys], rows.Append(mean));
    }

    /// <summary>A row per parameter: its name and its value as Python prints it.</summary>
    public static string Render(SearchParams p) =>
        TableHtml.Render(null, ["parameter", "value"], p.Select(kv => (IReadOnlyList<string>)[kv.Key, PythonText.Repr(kv.Value)]));

    /// <summary>A row per candidate: rank, each parameter, the mean and std of the test score, each split's score.</summary>
    public static string Render(SearchResults r) => TableHtml.Render(null, r.Header(), r.Rows());

    /// <summary>A row per trial, best first: trial, each hyperparameter, the objective.</summary>
    public static string Render(TrialTable t)
    {
        var (header, rows) = t.Table();
        return TableHtml.Render(null, header, rows);
    }
}
