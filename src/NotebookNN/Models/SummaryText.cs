using System.Globalization;
using System.Text;
using NotebookNN.Text;

namespace NotebookNN.Models;

/// <summary>
/// Keras 2's <c>print_summary</c> text (tf.keras 2.9–2.12, keras/utils/layer_utils.py): rules of <c>_</c> and
/// <c>=</c>, columns cut at fractions of the line length, long cells wrapped onto extra lines, a blank line
/// after each layer, and totals with thousands separators.
/// </summary>
internal static class SummaryText
{
    private static readonly string[] BreakAfter = ["),", "},", "],", "',"];

    public static List<string> Lines(ModelSummary summary, int? lineLength = null, IReadOnlyList<double>? positions = null)
    {
        bool sequential = summary.SequentialLike;
        int length = lineLength ?? (sequential ? 65 : 98);
        var fractions = positions ?? (sequential ? [0.45, 0.85, 1.0] : [0.33, 0.55, 0.67, 1.0]);
        int[] stops = fractions[^1] <= 1 ? fractions.Select(p => (int)(length * p)).ToArray() : fractions.Select(p => (int)p).ToArray();
        string[] header = sequential ? ["Layer (type)", "Output Shape", "Param #"] : ["Layer (type)", "Output Shape", "Param #", "Connected to"];

        var lines = new List<string> { $"Model: \"{summary.ModelName}\"", new('_', length) };
        AddRow(lines, header, stops);
        lines.Add(new string('=', length));
        foreach (var row in summary.Rows)
        {
            var name = $"{row.Name} ({row.TypeName})";
            var count = row.ParamCount.ToString(CultureInfo.InvariantCulture);
            AddRow(lines, sequential ? [name, row.OutputShape, count] : [name, row.OutputShape, count, PyList(row.ConnectedTo ?? [])], stops);
            lines.Add(new string(' ', length));
        }
        lines.Add(new string('=', length));
        lines.Add($"Total params: {Thousands(summary.TotalParams)}");
        lines.Add($"Trainable params: {Thousands(summary.TrainableParams)}");
        lines.Add($"Non-trainable params: {Thousands(summary.NonTrainableParams)}");
        lines.Add(new string('_', length));
        return lines;
    }

    /// <summary>
    /// One logical row, wrapped: each column takes what fits before the next stop (less two spaces of gap, none for
    /// the last column), cut early after the first "),", "},", "]," or "'," so lists break between items.
    /// </summary>
    private static void AddRow(List<string> lines, string[] fields, int[] stops)
    {
        var left = (string[])fields.Clone();
        while (left.Any(s => s.Length > 0))
        {
            var line = new StringBuilder();
            for (int col = 0; col < left.Length; col++)
            {
                int start = col > 0 ? stops[col - 1] : 0;
                int space = col != stops.Length - 1 ? 2 : 0;
                int cutoff = stops[col] - start - space;
                string fit = PyHead(left[col], cutoff);
                int earliest = BreakAfter.Select(b => fit.IndexOf(b, StringComparison.Ordinal) is var i and >= 0 ? i + b.Length : int.MaxValue).Min();
                if (earliest != int.MaxValue) { cutoff = earliest; fit = fit[..cutoff]; }
                if (col == 0) line.Append(' ');
                line.Append(fit).Append(' ', space);
                left[col] = PyTail(left[col], cutoff);
                line.Append(' ', Math.Max(0, stops[col] - line.Length));
            }
            lines.Add(line.ToString());
        }
    }

    /// <summary>Python's <c>s[:k]</c> (negative k counts from the end).</summary>
    private static string PyHead(string s, int k) => s[..Math.Clamp(k < 0 ? s.Length + k : k, 0, s.Length)];

    /// <summary>Python's <c>s[k:]</c>.</summary>
    private static string PyTail(string s, int k) => s[Math.Clamp(k < 0 ? s.Length + k : k, 0, s.Length)..];

    /// <summary>Python's <c>str(list_of_str)</c>: <c>['input_1[0][0]', 'dense[0][0]']</c>.</summary>
    private static string PyList(IReadOnlyList<string> items) => PythonText.Repr(items);

    private static string Thousands(long n) => n.ToString("#,0", CultureInfo.InvariantCulture);
}
