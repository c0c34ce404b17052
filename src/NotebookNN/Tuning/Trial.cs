using System.Globalization;
using System.Text;
using NotebookNN.Models;

namespace NotebookNN.Tuning;

/// <summary>One tried configuration: its hyperparameters, objective score (averaged over executions) and metrics.</summary>
public sealed class Trial
{
    internal Trial(string id, HyperParameters hp) { TrialId = id; HyperParameters = hp; }

    /// <summary>"00", "01", …</summary>
    public string TrialId { get; }
    /// <summary>The values used.</summary>
    public HyperParameters HyperParameters { get; }
    /// <summary>The objective's best epoch value, averaged over executions.</summary>
    public double Score { get; internal set; } = double.NaN;
    /// <summary>The epoch at which the (last execution's) best value was reached.</summary>
    public int BestStep { get; internal set; }
    /// <summary>Epochs trained.</summary>
    public int Epochs { get; internal set; }
    /// <summary>Each logged metric at the best epoch, averaged over executions.</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; internal set; } = new Dictionary<string, double>();
    /// <summary>The model of the best execution (kept in memory for <see cref="Tuner.GetBestModels"/>).</summary>
    internal Model? Model { get; set; }
}

/// <summary>The trials of a search, best first; prints as a table (text, or HTML in a notebook).</summary>
public sealed partial class TrialTable(IReadOnlyList<Trial> trials, Objective objective) : IReadOnlyList<Trial>
{
    /// <inheritdoc/>
    public Trial this[int index] => trials[index];
    /// <inheritdoc/>
    public int Count => trials.Count;
    /// <inheritdoc/>
    public IEnumerator<Trial> GetEnumerator() => trials.GetEnumerator();
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    private string[] Columns => trials.SelectMany(t => t.HyperParameters.Values.Keys).Distinct().ToArray();

    private static string Cell(Trial t, string column) =>
        t.HyperParameters.Values.TryGetValue(column, out var v) ? HyperParameter.Format(v) : "";

    /// <summary>The table's cells: trial, each hyperparameter, the objective; a row per trial, best first.</summary>
    internal (string[] Header, List<string[]> Rows) Table()
    {
        var columns = Columns;
        string[] header = ["trial", .. columns, objective.Name];
        var rows = trials.Select(t => new[] { t.TrialId }.Concat(columns.Select(c => Cell(t, c)))
            .Append(t.Score.ToString("G6", CultureInfo.InvariantCulture)).ToArray()).ToList();
        return (header, rows);
    }

    /// <summary>A fixed-width table: trial, each hyperparameter, the objective.</summary>
    public override string ToString()
    {
        var (header, rows) = Table();
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Select(r => r[i].Length).DefaultIfEmpty(0).Max())).ToArray();
        var sb = new StringBuilder();
        sb.AppendLine(string.Join("  ", header.Select((h, i) => h.PadLeft(widths[i]))));
        foreach (var r in rows) sb.AppendLine(string.Join("  ", r.Select((c, i) => c.PadLeft(widths[i]))));
        return sb.ToString();
    }
}
