using System.Collections;
using System.Globalization;
using NotebookNN.Text;

namespace NotebookNN.Learn;

/// <summary>One setting a search tried: its parameters, its cross-validation scores and its rank (1 = best).</summary>
public sealed record SearchCandidate(SearchParams Params, CrossValidateResult Scores, int Rank);

/// <summary>
/// A search's <c>cv_results_</c>: a candidate per setting, in the order tried. Indexes as scikit-learn's dict for the
/// numeric columns (<c>CvResults["mean_test_score"]</c>, <c>"std_test_score"</c>, <c>"rank_test_score"</c>,
/// <c>"split0_test_score"</c>…, <c>"mean_fit_time"</c>…); the settings are <see cref="Params"/>.
/// In a notebook, a table: rank, each parameter, the mean and std of the test score, each split's score.
/// </summary>
public sealed partial class SearchResults : IReadOnlyList<SearchCandidate>
{
    private readonly List<SearchCandidate> _candidates;

    internal SearchResults(IReadOnlyList<(SearchParams Params, CrossValidateResult Scores)> tried)
    {
        var means = tried.Select(t => t.Scores.Mean).ToArray();
        // scipy's rankdata(-mean, method="min"): ties share the best rank.
        _candidates = tried.Select((t, i) => new SearchCandidate(t.Params, t.Scores, 1 + means.Count(m => m > means[i]))).ToList();
    }

    /// <summary>The settings in the order tried (<c>cv_results_["params"]</c>).</summary>
    public IReadOnlyList<SearchParams> Params => _candidates.Select(c => c.Params).ToList();

    /// <inheritdoc/>
    public SearchCandidate this[int index] => _candidates[index];
    /// <inheritdoc/>
    public int Count => _candidates.Count;

    /// <summary>A numeric column of <c>cv_results_</c>; "params" and "param_&lt;name&gt;" are <see cref="Params"/>.</summary>
    public double[] this[string key]
    {
        get
        {
            var scores = _candidates.Select(c => c.Scores).ToArray();
            if (key.StartsWith("split", StringComparison.Ordinal) && key.EndsWith("_test_score", StringComparison.Ordinal)
                && int.TryParse(key[5..^11], NumberStyles.None, CultureInfo.InvariantCulture, out int split) && scores.All(s => split < s.TestScore.Length))
                return scores.Select(s => s.TestScore[split]).ToArray();
            return key switch
            {
                "mean_test_score" => scores.Select(s => s.Mean).ToArray(),
                "std_test_score" => scores.Select(s => s.Std).ToArray(),
                "rank_test_score" => _candidates.Select(c => (double)c.Rank).ToArray(),
                "mean_fit_time" => scores.Select(s => s.FitTime.Average()).ToArray(),
                "std_fit_time" => scores.Select(s => PopulationStd(s.FitTime)).ToArray(),
                "mean_score_time" => scores.Select(s => s.ScoreTime.Average()).ToArray(),
                "std_score_time" => scores.Select(s => PopulationStd(s.ScoreTime)).ToArray(),
                "params" => throw new KeyNotFoundException("cv_results_[\"params\"] is CvResults.Params (a list of settings, not numbers)."),
                _ when key.StartsWith("param_", StringComparison.Ordinal) => throw new KeyNotFoundException($"cv_results_[\"{key}\"] is CvResults.Params.Select(p => p[\"{key[6..]}\"])."),
                _ => throw new KeyNotFoundException($"KeyError: '{key}'. The numeric keys are 'mean_test_score', 'std_test_score', 'rank_test_score', 'split0_test_score'…, 'mean_fit_time', 'std_fit_time', 'mean_score_time', 'std_score_time'."),
            };
        }
    }

    /// <inheritdoc/>
    public IEnumerator<SearchCandidate> GetEnumerator() => _candidates.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static double PopulationStd(double[] v) => Math.Sqrt(v.Select(x => (x - v.Average()) * (x - v.Average())).Average());

    internal string[] Header()
    {
        var names = _candidates.SelectMany(c => c.Params.Keys).Distinct().Order(StringComparer.Ordinal).Select(k => "param_" + k);
        int splits = _candidates.Count == 0 ? 0 : _candidates[0].Scores.TestScore.Length;
        return ["rank_test_score", .. names, "mean_test_score", "std_test_score", .. Enumerable.Range(0, splits).Select(s => $"split{s}_test_score")];
    }

    internal IEnumerable<IReadOnlyList<string>> Rows() => _candidates.Select(c => (IReadOnlyList<string>)[
        c.Rank.ToString(CultureInfo.InvariantCulture),
        .. Header().Where(h => h.StartsWith("param_", StringComparison.Ordinal)).Select(h => c.Params.TryGetValue(h[6..], out var v) ? PythonText.Repr(v) : ""),
        Number(c.Scores.Mean), Number(c.Scores.Std), .. c.Scores.TestScore.Select(Number)]);

    private static string Number(double v) => v.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>A fixed-width text table, a row per candidate.</summary>
    public override string ToString()
    {
        var header = Header();
        var rows = Rows().ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        return string.Join("\n", new[] { (IReadOnlyList<string>)header }.Concat(rows).Select(r => string.Join("  ", r.Select((v, i) => v.PadLeft(widths[i])))));
    }
}
