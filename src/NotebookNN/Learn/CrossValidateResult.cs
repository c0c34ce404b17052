using System.Collections;
using System.Globalization;

namespace NotebookNN.Learn;

/// <summary>
/// Per-fold results of <see cref="Sklearn.CrossValidate(IEstimator, Tensors.Tensor, Tensors.Tensor, ICrossValidator?, string?, bool, int?)"/>,
/// read as scikit-learn's dict (<c>scores["test_score"]</c>, keys <c>fit_time</c>, <c>score_time</c>, <c>test_score</c> and,
/// when asked for, <c>train_score</c>); in a notebook a table with a row per fold.
/// </summary>
public sealed partial record CrossValidateResult(double[] TestScore, double[]? TrainScore, double[] FitTime, double[] ScoreTime)
    : IReadOnlyDictionary<string, double[]>
{
    /// <summary>Mean test score (<c>np.mean(scores["test_score"])</c>).</summary>
    public double Mean => TestScore.Average();
    /// <summary>Population standard deviation of the test scores (numpy's <c>std</c>).</summary>
    public double Std => Math.Sqrt(TestScore.Select(s => (s - Mean) * (s - Mean)).Average());

    /// <summary>The keys in scikit-learn's order.</summary>
    public IEnumerable<string> Keys => TrainScore is null ? ["fit_time", "score_time", "test_score"] : ["fit_time", "score_time", "test_score", "train_score"];
    /// <inheritdoc/>
    public IEnumerable<double[]> Values => Keys.Select(k => this[k]);
    /// <inheritdoc/>
    public int Count => Keys.Count();

    /// <summary>The per-fold values of a key, as in scikit-learn's dict; an unknown key names the ones there are.</summary>
    public double[] this[string key] => TryGetValue(key, out var v) ? v
        : throw new KeyNotFoundException($"KeyError: '{key}'. The keys are {string.Join(", ", Keys.Select(k => $"'{k}'"))}"
            + (key == "train_score" ? " (pass returnTrainScore: true for 'train_score')." : "."));

    /// <inheritdoc/>
    public bool ContainsKey(string key) => Keys.Contains(key);

    /// <inheritdoc/>
    public bool TryGetValue(string key, out double[] value)
    {
        value = key switch { "fit_time" => FitTime, "score_time" => ScoreTime, "test_score" => TestScore, "train_score" => TrainScore!, _ => null! };
        return value is not null;
    }

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, double[]>> GetEnumerator() => Keys.Select(k => KeyValuePair.Create(k, this[k])).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>scikit-learn's dict as Python prints it: <c>{'fit_time': array([...]), ...}</c>.</summary>
    public override string ToString() =>
        "{" + string.Join(", ", Keys.Select(k => $"'{k}': array([{string.Join(", ", this[k].Select(v => v.ToString("G8", CultureInfo.InvariantCulture)))}])")) + "}";
}
